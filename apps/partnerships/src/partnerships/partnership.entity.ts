import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CooperationArea, PartnershipStatus, PartnershipType } from '@c2c/contracts';
import type { Agreement } from './partnership.types';

@Entity({ name: 'partnerships', schema: 'partnerships' })
export class PartnershipEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  type!: PartnershipType;

  @Column('text')
  title!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('text')
  status!: PartnershipStatus;

  @Column('uuid')
  proposerCityId!: string;

  @Column('text', { array: true })
  cooperationAreas!: CooperationArea[];

  @Column('smallint', { array: true })
  sdgTags!: number[];

  @Column('date', { nullable: true })
  startDate!: string | null;

  @Column('date', { nullable: true })
  endDate!: string | null;

  @Column('jsonb', { nullable: true })
  agreement!: Agreement | null;

  @Column('timestamptz', { nullable: true })
  activatedAt!: Date | null;

  @Column('date', { nullable: true })
  lastActivityOn!: string | null;

  @Column('date', { nullable: true })
  dormantSince!: string | null;

  @Column('date', { nullable: true })
  renewalRemindedFor!: string | null;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
