import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@c2c/auth';
import { IsIn, IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { HasLength, MaxItems } from '@c2c/platform';

/** A partial update; fields left out keep their value. `cityId: null` clears the city. */
export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @HasLength(1, 200)
  name?: string;

  @ApiPropertyOptional({ minLength: 12, maxLength: 256, writeOnly: true })
  @IsOptional()
  @HasLength(12, 256)
  password?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID()
  cityId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @MaxItems(3)
  @IsUUID(undefined, { each: true })
  commissionIds?: string[];
}
