import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CityLevel, MembershipStatus } from '@c2c/contracts';
import type { CityField } from './city-projection';

// bigint arrives from pg as a string; sequences stay far below 2^53.
const bigintAsNumber = { to: (value: number) => value, from: (value: string) => Number(value) };

/**
 * One city as the service knows it from `c2c.cities.v1`; never written by anything else. The entity
 * names no schema on purpose: TypeORM then takes the data source's, so each service that lists it
 * among its entities gets `<its schema>.cities` (made by `cityModelMigration`).
 */
@Entity({ name: 'cities' })
export class CityRecordEntity {
  @PrimaryColumn('uuid')
  cityId!: string;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  englishName!: string | null;

  @Column('char', { length: 2, nullable: true })
  countryCode!: string | null;

  @Column('text', { nullable: true })
  level!: CityLevel | null;

  @Column('text', { nullable: true })
  membershipStatus!: MembershipStatus | null;

  @Column('timestamptz', { nullable: true })
  archivedAt!: Date | null;

  /** The sequence of the event that last set each field: older events never overwrite newer ones. */
  @Column('jsonb')
  fieldSequences!: Partial<Record<CityField, number>>;

  @Column('bigint', { transformer: bigintAsNumber })
  lastSequence!: number;

  @Column('timestamptz')
  updatedAt!: Date;
}
