import type { BestPracticeStatus, CommonChallenge, CooperationArea } from '@c2c/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PracticeContact } from './best-practice';

/** Storage of a practice of the library; the domain model is `BestPractice`. */
@Entity({ name: 'best_practices', schema: 'commissions' })
export class BestPracticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  cityId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  problem!: string;

  @Column('text')
  solution!: string;

  @Column('text')
  results!: string;

  @Column('text', { nullable: true })
  lessons!: string | null;

  @Column('jsonb')
  contact!: PracticeContact;

  @Column('text', { array: true })
  challenges!: CommonChallenge[];

  @Column('smallint', { array: true })
  sdgs!: number[];

  @Column('text', { array: true })
  cooperationAreas!: CooperationArea[];

  @Column('text')
  status!: BestPracticeStatus;

  @Column('text')
  submittedBy!: string;

  @Column('text', { nullable: true })
  reviewedBy!: string | null;

  @Column('uuid', { nullable: true })
  reviewCommissionId!: string | null;

  @Column('text', { nullable: true })
  comments!: string | null;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}

/** A practice transfer recorded by partnerships, kept for the practice's page. */
@Entity({ name: 'practice_transfers', schema: 'commissions' })
export class PracticeTransferEntity {
  @PrimaryColumn('uuid')
  activityId!: string;

  @Column('uuid')
  practiceId!: string;

  @Column('uuid')
  partnershipId!: string;

  @Column('text')
  partnershipTitle!: string;

  @Column('uuid')
  sourceCityId!: string;

  @Column('uuid')
  adoptingCityId!: string;

  @Column('date')
  startDate!: string;
}
