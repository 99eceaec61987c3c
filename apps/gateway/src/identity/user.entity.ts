import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@c2c/auth';

@Entity({ name: 'users', schema: 'gateway' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true })
  roles!: Role[];

  @Column('uuid', { nullable: true })
  cityId!: string | null;

  @Column('uuid', { array: true })
  commissionIds!: string[];

  @Column('text')
  passwordHash!: string;

  @Column('integer')
  version!: number;

  /** Tokens carry it (`token_version`); bumped to end every older token (see UsersService). */
  @Column('integer')
  tokenVersion!: number;

  /** When the token version was last bumped; the revocation feed lists recent ones. */
  @Column('timestamptz', { nullable: true })
  tokensRevokedAt!: Date | null;

  /** Set while the user may not log in (and its tokens are refused). */
  @Column('timestamptz', { nullable: true })
  deactivatedAt!: Date | null;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
