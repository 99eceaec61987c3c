import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CityLevel, MembershipStatus } from '@c2c/contracts';
import type { ContactOfficer } from './city';

/**
 * A row of `cities.cities`: storage only. The repository maps it to the domain's `City` (city.ts) and
 * back, deriving the folded name columns; nothing else reads or writes it.
 */
@Entity({ name: 'cities', schema: 'cities' })
export class CityEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Official name in Latin script. */
  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  englishName!: string | null;

  /** Name in the local language and script. */
  @Column('text', { nullable: true })
  localName!: string | null;

  /** `name` folded (case, accents, spacing): with the country, what makes a city unique. */
  @Column('text')
  nameKey!: string;

  /** Every name folded the same way, for trigram and substring search. */
  @Column('text')
  searchText!: string;

  @Column('char', { length: 2 })
  countryCode!: string;

  @Column('text', { nullable: true })
  region!: string | null;

  @Column('text')
  level!: CityLevel;

  @Column('integer', { nullable: true })
  population!: number | null;

  @Column('smallint', { nullable: true })
  populationYear!: number | null;

  @Column('double precision', { nullable: true })
  latitude!: number | null;

  @Column('double precision', { nullable: true })
  longitude!: number | null;

  @Column('text', { nullable: true })
  website!: string | null;

  @Column('text', { nullable: true })
  leaderName!: string | null;

  @Column('text', { nullable: true })
  leaderTitle!: string | null;

  @Column('jsonb')
  contacts!: ContactOfficer[];

  @Column('text')
  membershipStatus!: MembershipStatus;

  /** Day the current membership status took effect (`YYYY-MM-DD`). */
  @Column('date')
  membershipChangedOn!: string;

  @Column('smallint', { array: true })
  sdgFocus!: number[];

  @Column('text', { array: true })
  languages!: string[];

  /** Bumped by every change; the ETag is `W/"<version>"`. */
  @Column('integer')
  version!: number;

  @Column('timestamptz')
  createdAt!: Date;

  @Column('timestamptz')
  updatedAt!: Date;

  @Column('timestamptz', { nullable: true })
  archivedAt!: Date | null;
}
