import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';

@Entity({ name: 'signing_keys', schema: 'gateway' })
export class SigningKeyEntity {
  @PrimaryColumn('text')
  kid!: string;

  @Column('text')
  algorithm!: string;

  @Column('jsonb')
  publicJwk!: JWK;

  @Column('text')
  privateJwkEncrypted!: string;

  @Column('timestamptz')
  createdAt!: Date;

  /** Published in the JWKS from creation; signs from this moment on. */
  @Column('timestamptz')
  activatesAt!: Date;

  /** Leaves the JWKS at this moment: after the last token it signed has expired. */
  @Column('timestamptz', { nullable: true })
  retiresAt!: Date | null;
}
