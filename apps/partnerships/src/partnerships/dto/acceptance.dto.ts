import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** `POST /partnerships/{id}/acceptances`: the participant city that accepts. */
export class AcceptPartnershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId!: string;
}

/** `POST /partnerships/{id}/declines`: the invited city that declines, and why. */
export class DeclinePartnershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

/** Withdrawal, suspension, resumption, termination: why, for the history and the event. */
export class StatusChangeDto {
  @ApiProperty({ maxLength: 1000, example: 'New city administration reviewing all agreements.' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
