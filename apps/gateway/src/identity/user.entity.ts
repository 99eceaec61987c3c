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

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
