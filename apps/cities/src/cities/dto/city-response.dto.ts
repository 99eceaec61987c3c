import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CITY_LEVELS, MEMBERSHIP_STATUSES, type CityLevel, type MembershipStatus } from '@c2c/contracts';
import type { City, ContactOfficer } from '../city';

/**
 * A contact officer as the API answers. E-mail and phone are personal data: officers (secretariat,
 * commission and city officers) get them, observers get name and role only.
 */
export class ContactOfficerResponse {
  @ApiProperty({ example: 'Sara Ahmadi' }) name!: string;
  @ApiPropertyOptional({ example: 'International relations officer', description: 'Their function.' })
  role?: string;
  @ApiPropertyOptional({ format: 'email', description: 'Omitted for observers.' })
  email?: string;
  @ApiPropertyOptional({ description: 'International format. Omitted for observers, and when unknown.' })
  phone?: string;
}

/** Who the answer is for: whether it may carry contact officers' e-mail and phone. */
export interface CityAudience {
  readonly reachesContacts: boolean;
}

// Built field by field, never by spreading the stored contact, so that a field added to contacts later
// is not published to observers by default.
const contactFor = (contact: ContactOfficer, audience: CityAudience): ContactOfficerResponse => ({
  name: contact.name,
  ...(contact.role === undefined ? {} : { role: contact.role }),
  ...(audience.reachesContacts
    ? { email: contact.email, ...(contact.phone === undefined ? {} : { phone: contact.phone }) }
    : {}),
});

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
  @ApiProperty({
    type: [ContactOfficerResponse],
    description: 'Observers see name and role only: e-mail and phone are omitted for them.',
  })
  contacts!: ContactOfficerResponse[];
  @ApiProperty({ enum: MEMBERSHIP_STATUSES }) membershipStatus!: MembershipStatus;
  @ApiProperty({ format: 'date' }) membershipChangedOn!: string;
  @ApiProperty({ type: [Number] }) sdgFocus!: number[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ description: 'Also the ETag, as W/"<version>".' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) archivedAt!: string | null;
}

/**
 * The answer for a city: its fields as they are, instants as ISO 8601 text, lists copied, contacts as
 * the audience may see them.
 */
export function toCityResponse(city: City, audience: CityAudience): CityResponse {
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
    contacts: city.contacts.map((contact) => contactFor(contact, audience)),
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
