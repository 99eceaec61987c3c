import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@c2c/auth';
import {
  ArrayMaxSize,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'officer@seoul.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Kim Min-jun' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ minLength: 12, maxLength: 256, writeOnly: true })
  @IsString()
  @Length(12, 256)
  password!: string;

  @ApiProperty({ enum: ROLES, example: 'city-officer' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for, and only for, a city-officer.' })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Required (non-empty) for, and only for, a commission-officer.',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsUUID(undefined, { each: true })
  commissionIds?: string[];
}
