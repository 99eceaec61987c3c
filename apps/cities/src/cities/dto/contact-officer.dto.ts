import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsPhoneNumber, IsString, MaxLength } from 'class-validator';
import type { ContactOfficer } from '../city';
import { NOT_BLANK_PATTERN } from '@c2c/platform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A person at the city who receives the platform's notifications. */
export class ContactOfficerDto implements ContactOfficer {
  // Trimmed, then not empty: documented as text with something in it.
  @ApiProperty({ minLength: 1, maxLength: 200, pattern: NOT_BLANK_PATTERN, example: 'Sara Ahmadi' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    pattern: NOT_BLANK_PATTERN,
    example: 'International relations officer',
    description: 'Their function at the city.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  role?: string;

  @ApiProperty({ format: 'email', maxLength: 254, example: 'international@tehran.ir' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email!: string;

  // The shape of a number in international format; whether it is one is libphonenumber's to say.
  @ApiPropertyOptional({
    example: '+98 21 1234 5678',
    description: 'International format, with +.',
    pattern: '^\\+[0-9 ().-]{4,30}$',
  })
  @IsOptional()
  @Transform(trim)
  @IsPhoneNumber(undefined, { message: '$property must be a phone number in international format (+…)' })
  phone?: string;
}
