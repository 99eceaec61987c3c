import { ApiProperty } from '@nestjs/swagger';

// The dossier's parts are the services' own answers, passed on as they are; their schemas come from
// the services' documents, which the public document composes (see openapi/compose-public-api.ts).
const schemaRef = (name: string) => `#/components/schemas/${name}`;

/** The first page of a city's partnerships, as `GET /partnerships?cityId=…` answers it. */
export class CityPartnershipsResponse {
  @ApiProperty({
    type: 'array',
    items: { $ref: schemaRef('PartnershipResponse') },
    description: 'Newest first, at most 100.',
  })
  items!: unknown[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'More with `GET /partnerships?cityId=…&cursor=<nextCursor>`; null when that was all.',
  })
  nextCursor!: string | null;
}

/** The city's commission memberships, as `GET /memberships?cityId=…` answers it. */
export class CityMembershipsResponse {
  @ApiProperty({
    type: 'array',
    items: { $ref: schemaRef('MembershipResponse') },
    description: 'At most 100.',
  })
  items!: unknown[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'More with `GET /memberships?cityId=…&cursor=<nextCursor>`; null when that was all.',
  })
  nextCursor!: string | null;
}

/** The city's best practices, as `GET /best-practices?cityId=…&status=all` answers it. */
export class CityPracticesResponse {
  @ApiProperty({
    type: 'array',
    items: { $ref: schemaRef('BestPracticeResponse') },
    description:
      'Newest first, at most 100: the published ones for every caller, the unpublished too for the ' +
      "reviewers and the city's own officers.",
  })
  items!: unknown[];

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'More with `GET /best-practices?cityId=…&status=all&cursor=<nextCursor>`; null when that was all.',
  })
  nextCursor!: string | null;
}

export class DossierResponse {
  @ApiProperty({
    allOf: [{ $ref: schemaRef('CityResponse') }],
    description: 'The city, as `GET /cities/{id}` answers it.',
  })
  city!: unknown;

  @ApiProperty({
    type: CityPartnershipsResponse,
    nullable: true,
    description: 'The partnerships the city takes part in; null when the partnerships service is down.',
  })
  partnerships!: CityPartnershipsResponse | null;

  @ApiProperty({
    type: CityMembershipsResponse,
    nullable: true,
    description:
      "The city's commission memberships; null when the commissions service is down or not configured.",
  })
  commissionMemberships!: CityMembershipsResponse | null;

  @ApiProperty({
    type: CityPracticesResponse,
    nullable: true,
    description:
      "The city's practices in the library; null when the commissions service is down or not configured.",
  })
  bestPractices!: CityPracticesResponse | null;

  @ApiProperty({
    type: [String],
    enum: ['partnerships', 'commissionMemberships', 'bestPractices'],
    description: 'Parts that could not be read; the rest of the dossier is still current.',
  })
  missing!: string[];
}
