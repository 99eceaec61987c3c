import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { HasLength } from '@c2c/platform';

export class TokenRequestDto {
  // Examples name no real account: a working credential in a public document is a published password.
  @ApiProperty({ example: 'officer@city.example', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'your own passphrase', maxLength: 256, writeOnly: true })
  @HasLength(1, 256)
  password!: string;
}
