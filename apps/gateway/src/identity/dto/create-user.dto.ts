import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@c2c/auth';
import { IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { HasLength, MaxItems } from '@c2c/platform';

export class CreateUserDto {
  @ApiProperty({ format: 'email', maxLength: 254, example: 'officer@seoul.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Kim Min-jun' })
  @HasLength(1, 200)
  name!: string;

  @ApiProperty({ minLength: 12, maxLength: 256, writeOnly: true })
  @HasLength(12, 256)
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
  @MaxItems(3)
  @IsUUID(undefined, { each: true })
  commissionIds?: string[];
}
