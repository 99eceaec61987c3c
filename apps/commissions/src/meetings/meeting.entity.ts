import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeetingAgendaItem, MeetingStatus } from './meeting';

/** Storage of a commission meeting; the domain model is `Meeting`. */
@Entity({ name: 'meetings', schema: 'commissions' })
export class MeetingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid')
  commissionId!: string;

  @Column('text')
  title!: string;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('text')
  timeZone!: string;

  @Column('uuid', { nullable: true })
  hostCityId!: string | null;

  @Column('text', { nullable: true })
  onlineUrl!: string | null;

  @Column('jsonb')
  agenda!: MeetingAgendaItem[];

  @Column('text')
  status!: MeetingStatus;

  @Column('date', { nullable: true })
  heldOn!: string | null;

  @Column('uuid', { array: true })
  attendingCityIds!: string[];

  @Column('text', { nullable: true })
  minutes!: string | null;

  @Column('text', { nullable: true })
  cancellationReason!: string | null;

  @Column('text')
  scheduledBy!: string;

  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;
}
