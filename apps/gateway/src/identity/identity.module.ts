import { Module } from '@nestjs/common';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { MeController } from './me.controller';
import { PasswordHasher } from './password-hasher';
import { UserTokenVersions } from './user-token-versions';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  controllers: [UsersController, MeController],
  providers: [UsersRepository, UsersService, PasswordHasher, BootstrapAdminService, UserTokenVersions],
  exports: [UsersRepository, PasswordHasher, UserTokenVersions],
})
export class IdentityModule {}
