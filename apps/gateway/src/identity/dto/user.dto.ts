import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@c2c/auth';
import { UserEntity } from '../user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'email' })
  email!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: Role[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  cityId!: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  commissionIds!: string[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the user was deactivated: it cannot log in and its tokens are refused. Null while active.',
  })
  deactivatedAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static of(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      cityId: user.cityId,
      commissionIds: user.commissionIds,
      deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    };
  }
}
