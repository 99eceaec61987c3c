import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ParticipantRole } from '@c2c/contracts';

/** A city in a partnership; name and country as known when it last changed (reads prefer the city model). */
@Entity({ name: 'participants', schema: 'partnerships' })
export class ParticipantEntity {
  @PrimaryColumn('uuid')
  partnershipId!: string;

  @PrimaryColumn('uuid')
  cityId!: string;

  /** Order of the participants as proposed, proposer first. */
  @Column('smallint')
  position!: number;

  @Column('text')
  role!: ParticipantRole;

  @Column('text')
  name!: string;

  @Column('char', { length: 2 })
  countryCode!: string;

  @Column('timestamptz', { nullable: true })
  acceptedAt!: Date | null;
}
