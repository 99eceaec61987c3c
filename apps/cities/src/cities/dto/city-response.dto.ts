import { ApiProperty } from '@nestjs/swagger';
import { CITY_LEVELS, MEMBERSHIP_STATUSES, type CityLevel, type MembershipStatus } from '@c2c/contracts';
import type { City } from '../city';
import { ContactOfficerDto } from './contact-officer.dto';

/**
 * A city as the API returns it (and `GET /cities` lists it). Absent values are null, absent lists
 * empty; every field is always present.
 */
export class CityResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) englishName!: string | null;
  @ApiProperty({ type: String, nullable: true }) localName!: string | null;
  @ApiProperty({ example: 'IR' }) countryCode!: string;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ enum: CITY_LEVELS }) level!: CityLevel;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty({ type: Number, nullable: true }) populationYear!: number | null;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty({ type: String, nullable: true }) website!: string | null;
  @ApiProperty({ type: String, nullable: true }) leaderName!: string | null;
  @ApiProperty({ type: String, nullable: true }) leaderTitle!: string | null;
  @ApiProperty({ type: [ContactOfficerDto] }) contacts!: ContactOfficerDto[];
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) membershipStatus!: MembershipStatus;
  @ApiProperty({ format: 'date' }) membershipChangedOn!: string;
  @ApiProperty({ type: [Number] }) sdgFocus!: number[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ description: 'Also the ETag, as W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
}

/** The answer for a city: its fields as they are, instants as ISO 8601 text, lists copied. */
export function toCityResponse(city: City): CityResponse {
  return {
    id: city.id,
    name: city.name,
    englishName: city.englishName,
    localName: city.localName,
    countryCode: city.countryCode,
    region: city.region,
    level: city.level,
    population: city.population,
    populationYear: city.populationYear,
    latitude: city.latitude,
    longitude: city.longitude,
    website: city.website,
    leaderName: city.leaderName,
    leaderTitle: city.leaderTitle,
    contacts: city.contacts.map((contact) => ({ ...contact })),
    membershipStatus: city.membershipStatus,
    membershipChangedOn: city.membershipChangedOn,
    sdgFocus: [...city.sdgFocus],
    languages: [...city.languages],
    version: city.version,
    createdAt: city.createdAt.toISOString(),
    updatedAt: city.updatedAt.toISOString(),
    archivedAt: city.archivedAt?.toISOString() ?? null,
  };
}
