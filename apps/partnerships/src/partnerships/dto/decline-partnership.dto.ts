import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { HasLength } from '@c2c/platform';

/** `POST /partnerships/{id}/declines`: the invited city that declines, and why. */
export class DeclinePartnershipDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  cityId!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @HasLength(1, 1000)
  reason?: string;
}
