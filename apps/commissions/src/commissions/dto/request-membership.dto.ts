import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsText } from './text.decorator';

/** `POST /commissions/{id}/membership-requests`: the city that applies, and why. */
export class RequestMembershipDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An active AMF member city; a city officer applies for its own.',
  })
  @IsUUID()
  cityId!: string;

  @ApiProperty({
    maxLength: 4000,
    example: 'Our metropolitan water utility wants to share its non-revenue water programme with peers.',
  })
  @IsText(4000)
  motivation!: string;
}
