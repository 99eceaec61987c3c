import type { CooperationArea, PartnershipStatus } from '@c2c/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A partnership as this service knows it: the snapshot of its latest event. */
@Entity({ name: 'partnership_records', schema: 'commissions' })
export class PartnershipRecordEntity {
  @PrimaryColumn('uuid')
  partnershipId!: string;

  @Column('text')
  status!: PartnershipStatus;

  @Column('uuid', { array: true })
  participantCityIds!: string[];

  @Column('text', { array: true })
  cooperationAreas!: CooperationArea[];

  /** The event's time: an older snapshot, redelivered late, never overwrites a newer one. */
  @Column('timestamptz')
  updatedAt!: Date;
}
