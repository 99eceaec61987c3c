import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** `POST /partnerships/{id}/acceptances`: the participant city that accepts. */
export class AcceptPartnershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId!: string;
}
