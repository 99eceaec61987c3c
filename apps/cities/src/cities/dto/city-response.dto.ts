import { ApiProperty } from '@nestjs/swagger';
import { CITY_LEVELS, MEMBERSHIP_STATUSES, type CityLevel, type MembershipStatus } from '@c2c/contracts';
import type { CityEntity } from '../city.entity';
import { ContactOfficerDto } from './contact-officer.dto';

/** A city as the API returns it. Absent values are null, absent lists empty. */
export class CityResponseDto {
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

export function toCityResponse(city: CityEntity): CityResponseDto {
  // Search columns are storage details and stay out of the API.
  const { nameKey: _key, searchText: _search, createdAt, updatedAt, archivedAt, ...profile } = city;
  return {
    ...profile,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    archivedAt: archivedAt?.toISOString() ?? null,
  };
}
