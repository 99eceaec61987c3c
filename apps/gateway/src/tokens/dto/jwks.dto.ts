import { ApiProperty } from '@nestjs/swagger';
import type { JWK } from 'jose';

export class JwksDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Public JSON Web Keys (RFC 7517), one per `kid`.',
  })
  keys!: JWK[];
}
