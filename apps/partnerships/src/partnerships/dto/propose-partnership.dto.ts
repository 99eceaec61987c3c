import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COOPERATION_AREAS, CooperationArea, PARTNERSHIP_TYPES, PartnershipType } from '@c2c/contracts';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from './calendar-date.decorator';
import { HasLength, MaxItems, MinItems, UniqueItems } from '@c2c/platform';

export class SignatoryDto {
  @ApiProperty({ example: 'Eri Cahyadi' })
  @HasLength(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'Mayor of Surabaya' })
  @IsOptional()
  @HasLength(1, 200)
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The city the signatory signed for.' })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}

/** The signed agreement: where, when and by whom. */
export class AgreementDto {
  @ApiPropertyOptional({ example: 'Kitakyushu City Hall' })
  @IsOptional()
  @HasLength(1, 200)
  place?: string;

  @ApiPropertyOptional({ example: '2026-03-24', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string;

  @ApiProperty({ type: [SignatoryDto] })
  @IsArray()
  @MaxItems(50)
  @ValidateNested({ each: true })
  @Type(() => SignatoryDto)
  signatories!: SignatoryDto[];
}

export class ProposePartnershipDto {
  @ApiProperty({ enum: PARTNERSHIP_TYPES })
  @IsIn(PARTNERSHIP_TYPES)
  type!: PartnershipType;

  @ApiProperty({ example: 'Surabaya–Kitakyushu Green Sister City', maxLength: 200 })
  @HasLength(1, 200)
  title!: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @HasLength(1, 4000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: 'The proposing city; it accepts by proposing.' })
  @IsUUID()
  proposerCityId!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'The cities invited (the proposer may be listed too). With the proposer: two or more known, ' +
      'unarchived cities in two or more countries, none twice.',
  })
  @IsArray()
  @MinItems(1)
  @MaxItems(100)
  @IsUUID('all', { each: true })
  participantCityIds!: string[];

  @ApiProperty({ enum: COOPERATION_AREAS, isArray: true })
  @IsArray()
  @MinItems(1)
  @UniqueItems()
  @IsIn(COOPERATION_AREAS, {
    each: true,
    message: 'each value in cooperationAreas must be one of: $constraint1',
  })
  cooperationAreas!: CooperationArea[];

  @ApiPropertyOptional({
    type: 'integer',
    isArray: true,
    minimum: 1,
    maximum: 17,
    description: 'UN SDG numbers.',
  })
  @IsOptional()
  @IsArray()
  @UniqueItems()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgTags?: number[];

  @ApiPropertyOptional({ format: 'date', example: '2026-04-01' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional({ format: 'date', example: '2031-03-31', description: 'Not before startDate.' })
  @IsOptional()
  @IsCalendarDate()
  endDate?: string;

  @ApiPropertyOptional({ type: AgreementDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgreementDto)
  agreement?: AgreementDto;
}
