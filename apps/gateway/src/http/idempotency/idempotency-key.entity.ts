import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A POST remembered by its caller's Idempotency-Key, with the answer it got. */
@Entity({ name: 'idempotency_keys', schema: 'gateway' })
export class IdempotencyKeyEntity {
  /** Whose key: keys are per user, so two users can never collide or see each other's answers. */
  @PrimaryColumn('text')
  owner!: string;

  @PrimaryColumn('text')
  key!: string;

  /** SHA-256 of method, path and canonical body: the same key with another request is refused. */
  @Column('text')
  requestHash!: string;

  @Column('text')
  state!: 'in_progress' | 'completed';

  @Column('integer', { nullable: true })
  responseStatus!: number | null;

  @Column('jsonb', { nullable: true })
  responseHeaders!: Record<string, string> | null;

  @Column('bytea', { nullable: true })
  responseBody!: Buffer | null;

  /** An in-progress claim older than this was abandoned (the process died) and may be taken over. */
  @Column('timestamptz')
  lockedUntil!: Date;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column('timestamptz')
  createdAt!: Date;
}
