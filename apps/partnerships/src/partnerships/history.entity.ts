import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PartnershipStatus } from '@c2c/contracts';

/** One change of a partnership: who, when, why, and the event that told the world. */
@Entity({ name: 'history', schema: 'partnerships' })
export class HistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column('uuid')
  partnershipId!: string;

  @Column('timestamptz')
  at!: Date;

  /** The change, named like its event: `proposed`, `accepted`, `suspended`, `activity-recorded` … */
  @Column('text')
  action!: string;

  @Column('text', { nullable: true })
  fromStatus!: PartnershipStatus | null;

  @Column('text')
  toStatus!: PartnershipStatus;

  /** The user who acted; null when the platform did (a detection, a reaction to a city's event). */
  @Column('text', { nullable: true })
  actorId!: string | null;

  /** The city the change was made for or about. */
  @Column('uuid', { nullable: true })
  cityId!: string | null;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('uuid')
  eventId!: string;
}
