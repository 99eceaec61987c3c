import { ApiProperty } from '@nestjs/swagger';
import { IsText } from './text.decorator';

/** `POST /commissions/{id}/membership-requests/{rid}/rejection`: why, for the applicant. */
export class RejectMembershipRequestDto {
  @ApiProperty({ maxLength: 1000, example: 'The commission is full until the next mandate.' })
  @IsText(1000)
  reason!: string;
}
