import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from './calendar-date.decorator';
import { IsText } from './text.decorator';
import { MAX_VICE_CHAIRS } from '../commission';
import { MaxItems, UniqueItems } from '@c2c/platform';

/**
 * `PATCH /commissions/{id}` (secretariat): a field left out keeps its value; `null` clears the chair or a
 * date. Chair and vice-chairs name member cities; members not named keep the role `member`.
 */
export class UpdateCommissionDto {
  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsText(4000)
  mandate?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2026-01-01' })
  @IsOptional()
  @IsCalendarDate()
  mandateStartsOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2028-12-31' })
  @IsOptional()
  @IsCalendarDate()
  mandateEndsOn?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'A member city.' })
  @IsOptional()
  @IsUUID()
  chairCityId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_VICE_CHAIRS,
    description: 'Member cities, the chair not among them; replaces the current vice-chairs.',
  })
  @IsOptional()
  @IsArray()
  @MaxItems(MAX_VICE_CHAIRS)
  @UniqueItems()
  @IsUUID('all', { each: true })
  viceChairCityIds?: string[];
}
