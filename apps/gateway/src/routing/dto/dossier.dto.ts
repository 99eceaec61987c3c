import { ApiProperty } from '@nestjs/swagger';
import { CityDoc } from './cities.dto';
import { PartnershipDoc } from './partnerships.dto';

/** The first page of a city's partnerships, as `GET /partnerships?cityId=…` answers it. */
export class CityPartnershipsDoc {
  @ApiProperty({ type: [PartnershipDoc], description: 'Newest first, at most 100.' })
  items!: PartnershipDoc[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'More with `GET /partnerships?cityId=…&cursor=<nextCursor>`; null when that was all.',
  })
  nextCursor!: string | null;
}

export class DossierDoc {
  @ApiProperty({ type: CityDoc }) city!: CityDoc;

  @ApiProperty({
    type: CityPartnershipsDoc,
    nullable: true,
    description: 'The partnerships the city takes part in; null when the partnerships service is down.',
  })
  partnerships!: CityPartnershipsDoc | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: "The city's commission memberships; null when the commissions service is down.",
  })
  commissionMemberships!: Record<string, unknown> | null;

  @ApiProperty({
    type: [String],
    enum: ['partnerships', 'commissionMemberships'],
    description: 'Parts that could not be read; the rest of the dossier is still current.',
  })
  missing!: string[];
}
