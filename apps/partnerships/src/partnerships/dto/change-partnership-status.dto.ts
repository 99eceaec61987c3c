import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Withdrawal, suspension, resumption, termination: why, for the history and the event. */
export class ChangePartnershipStatusDto {
  @ApiProperty({ maxLength: 1000, example: 'New city administration reviewing all agreements.' })
  @IsString()
  @Length(1, 1000)
  reason!: string;
}
