import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVITY_KINDS, ActivityKind } from '@c2c/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from './calendar-date.decorator';

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
  @IsString()
  @Length(1, 200)
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
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participatingCityIds!: string[];

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  outcomes?: string;

  @ApiPropertyOptional({ type: PracticeTransferDto, description: 'Required when kind is practice-transfer.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PracticeTransferDto)
  practiceTransfer?: PracticeTransferDto;
}
