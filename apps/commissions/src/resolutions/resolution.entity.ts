import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ActionStatus, ResolutionKind } from './resolution';

/** Storage of a resolution's text; its actions are rows of their own. */
@Entity({ name: 'resolutions', schema: 'commissions' })
export class ResolutionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  commissionId!: string;

  @Column('uuid')
  meetingId!: string;

  @Column('text')
  kind!: ResolutionKind;

  @Column('text')
  title!: string;

  @Column('text')
  text!: string;

  @Column('text')
  adoptedBy!: string;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;
}

/** Storage of a follow-up action: a row each, so its status changes and the sweep lock only it. */
@Entity({ name: 'resolution_actions', schema: 'commissions' })
export class ResolutionActionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  resolutionId!: string;

  @Column('uuid')
  commissionId!: string;

  @Column('integer')
  position!: number;

  @Column('uuid')
  ownerCityId!: string;

  @Column('text')
  description!: string;

  @Column('date')
  dueDate!: string;

  @Column('text')
  status!: ActionStatus;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
