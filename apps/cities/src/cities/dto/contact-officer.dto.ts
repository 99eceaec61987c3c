import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsPhoneNumber, IsString, MaxLength } from 'class-validator';
import type { ContactOfficer } from '../city';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A person at the city who receives the platform's notifications. */
export class ContactOfficerDto implements ContactOfficer {
  @ApiProperty({ maxLength: 200, example: 'Sara Ahmadi' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'International relations officer',
    description: 'Their function at the city.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  role?: string;

  @ApiProperty({ format: 'email', example: 'international@tehran.ir' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: '+98 21 1234 5678', description: 'International format, with +.' })
  @IsOptional()
  @Transform(trim)
  @IsPhoneNumber(undefined, { message: '$property must be a phone number in international format (+…)' })
  phone?: string;
}
