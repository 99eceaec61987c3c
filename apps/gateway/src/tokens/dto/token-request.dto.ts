import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class TokenRequestDto {
  @ApiProperty({ example: 'admin@c2c.local', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'change-me-locally', maxLength: 256, writeOnly: true })
  @IsString()
  @Length(1, 256)
  password!: string;
}
