import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText } from './text.decorator';

/** `POST /commissions/{id}/members/{cityId}/departure`: optionally, why the city leaves. */
export class LeaveCommissionDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Focusing on the Common Challenges commission.' })
  @IsOptional()
  @IsText(1000)
  reason?: string;
}
