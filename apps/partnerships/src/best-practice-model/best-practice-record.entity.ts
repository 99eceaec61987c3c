import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BestPracticeStatus, CommonChallenge, CooperationArea } from '@c2c/contracts';

// bigint arrives from pg as a string; sequences stay far below 2^53.
const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

/** One best practice as partnerships knows it from `c2c.commissions.v1`; written by nothing else. */
@Entity({ name: 'best_practices', schema: 'partnerships' })
export class BestPracticeRecordEntity {
  @PrimaryColumn('uuid')
  practiceId!: string;

  @Column('uuid')
  cityId!: string;

  @Column('text')
  title!: string;

  @Column('text', { array: true })
  challenges!: CommonChallenge[];

  @Column('smallint', { array: true })
  sdgs!: number[];

  @Column('text', { array: true })
  cooperationAreas!: CooperationArea[];

  @Column('text')
  status!: BestPracticeStatus;

  @Column('timestamptz', { nullable: true })
  publishedAt!: Date | null;

  @Column('bigint', { transformer: bigintAsNumber })
  lastSequence!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
