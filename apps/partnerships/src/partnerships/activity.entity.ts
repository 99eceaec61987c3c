import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActivityKind } from '@c2c/contracts';

@Entity({ name: 'activities', schema: 'partnerships' })
export class ActivityEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  partnershipId!: string;

  @Column('text')
  kind!: ActivityKind;

  @Column('text')
  title!: string;

  @Column('date')
  startDate!: string;

  @Column('date', { nullable: true })
  endDate!: string | null;

  @Column('uuid', { array: true })
  participatingCityIds!: string[];

  @Column('text', { nullable: true })
  outcomes!: string | null;

  /** Practice transfer: the best practice adapted, where it comes from and who adopts it. */
  @Column('uuid', { nullable: true })
  bestPracticeId!: string | null;

  @Column('uuid', { nullable: true })
  sourceCityId!: string | null;

  @Column('uuid', { nullable: true })
  adoptingCityId!: string | null;

  @Column('timestamptz')
  recordedAt!: Date;

  @Column('text', { nullable: true })
  recordedBy!: string | null;
}
