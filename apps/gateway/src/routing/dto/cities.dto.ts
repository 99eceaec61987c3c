import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_LEVELS, MEMBERSHIP_STATUSES, type CityLevel, type MembershipStatus } from '@c2c/contracts';

// Documentation of the cities service's bodies as the gateway publishes them. The cities service
// validates them (it owns the rules); the gateway forwards bodies untouched, so a field added there
// works at once and only this description lags until updated.

export class ContactOfficerDoc {
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiPropertyOptional({ description: 'International format, with +.' }) phone?: string;
}

class CityProfileDoc {
  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) englishName?: string;
  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) localName?: string;
  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) region?: string;
  @ApiPropertyOptional({ nullable: true, minimum: 0 }) population?: number;
  @ApiPropertyOptional({ nullable: true, minimum: 1800 }) populationYear?: number;
  @ApiPropertyOptional({ nullable: true, minimum: -90, maximum: 90 }) latitude?: number;
  @ApiPropertyOptional({ nullable: true, minimum: -180, maximum: 180 }) longitude?: number;
  @ApiPropertyOptional({ nullable: true, format: 'uri' }) website?: string;
  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) leaderName?: string;
  @ApiPropertyOptional({ nullable: true, maxLength: 200 }) leaderTitle?: string;
  @ApiPropertyOptional({ nullable: true, type: [ContactOfficerDoc] }) contacts?: ContactOfficerDoc[];
  @ApiPropertyOptional({
    nullable: true,
    type: [Number],
    description: 'Sustainable Development Goals, 1–17.',
  })
  sdgFocus?: number[];
  @ApiPropertyOptional({ nullable: true, type: [String], description: 'BCP 47 language tags.' })
  languages?: string[];
}

export class RegisterCityDoc extends CityProfileDoc {
  @ApiProperty({ maxLength: 200, example: 'Tehran' }) name!: string;
  @ApiProperty({ example: 'IR', description: 'ISO 3166-1 alpha-2.' }) countryCode!: string;
  @ApiProperty({ enum: CITY_LEVELS }) level!: CityLevel;
  @ApiPropertyOptional({ nullable: true, enum: MEMBERSHIP_STATUSES }) membershipStatus?: MembershipStatus;
  @ApiPropertyOptional({ nullable: true, format: 'date' }) membershipChangedOn?: string;
}

/** Only the fields sent change; `null` removes an optional value. */
export class UpdateCityDoc extends CityProfileDoc {
  @ApiPropertyOptional({ maxLength: 200 }) name?: string;
  @ApiPropertyOptional({ example: 'IR' }) countryCode?: string;
  @ApiPropertyOptional({ enum: CITY_LEVELS }) level?: CityLevel;
}

export class ChangeMembershipDoc {
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) membershipStatus!: MembershipStatus;
  @ApiPropertyOptional({ nullable: true, format: 'date' }) changedOn?: string;
  @ApiPropertyOptional({ nullable: true, maxLength: 1000 }) reason?: string;
}

export class ArchiveCityDoc {
  @ApiPropertyOptional({ nullable: true, maxLength: 1000 }) reason?: string;
}

export class CityDoc {
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
  @ApiProperty({ type: [ContactOfficerDoc] }) contacts!: ContactOfficerDoc[];
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) membershipStatus!: MembershipStatus;
  @ApiProperty({ format: 'date' }) membershipChangedOn!: string;
  @ApiProperty({ type: [Number] }) sdgFocus!: number[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ description: 'Also the ETag, as W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
}
