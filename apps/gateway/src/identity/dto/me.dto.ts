import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@c2c/auth';

/** The caller as the token describes it. */
export class MeDto {
  @ApiProperty({ description: 'The token subject: a user id, or the external provider subject.' })
  userId!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid' })
  cityId?: string;

  @ApiProperty({ type: [String] })
  commissionIds!: string[];

  @ApiProperty({ description: 'Who issued the token: the gateway or the external OpenID Connect provider.' })
  issuer!: string;
}
