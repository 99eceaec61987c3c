import { ApiProperty } from '@nestjs/swagger';
import { HasLength } from '@c2c/platform';

/** Withdrawal, suspension, resumption, termination: why, for the history and the event. */
export class ChangePartnershipStatusDto {
  @ApiProperty({ maxLength: 1000, example: 'New city administration reviewing all agreements.' })
  @HasLength(1, 1000)
  reason!: string;
}
