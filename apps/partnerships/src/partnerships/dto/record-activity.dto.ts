import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ActivityKind } from '@c2c/contracts';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCalendarDate } from './calendar-date.decorator';
import { HasLength, IsOmittable, MaxItems, MinItems, UniqueItems } from '@c2c/platform';

/** A best practice moving from one city to another. */
export class PracticeTransferDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A practice published in the best-practice library (422 `best-practice-unknown` otherwise).',
  })
  @IsUUID()
  bestPracticeId!: string;

  @ApiProperty({ format: 'uuid', description: 'The city the practice comes from.' })
  @IsUUID()
  sourceCityId!: string;

  @ApiProperty({ format: 'uuid', description: 'The city adapting it.' })
  @IsUUID()
  adoptingCityId!: string;
}

export class RecordActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ maxLength: 200 })
  @HasLength(1, 200)
  title!: string;

  @ApiProperty({ format: 'date' })
  @IsCalendarDate()
  startDate!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Omitted for a one-day or ongoing activity.' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Cities taking part.' })
  @IsArray()
  @MinItems(1)
  @MaxItems(100)
  @UniqueItems()
  @IsUUID('all', { each: true })
  participatingCityIds!: string[];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @HasLength(1, 4000)
  outcomes?: string;

  @ApiPropertyOptional({ type: PracticeTransferDto, description: 'Required when kind is practice-transfer.' })
  // Not IsOptional: a null transfer passed it and was stored as an empty one (a 500 the fuzzer found).
  @IsOmittable()
  @ValidateNested()
  @Type(() => PracticeTransferDto)
  practiceTransfer?: PracticeTransferDto;
}
