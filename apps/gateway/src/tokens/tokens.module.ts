import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { IssueTokenService } from './issue-token.service';
import { SigningKeysRepository } from './signing-keys.repository';
import { SigningKeysService } from './signing-keys.service';
import { TokenController } from './token.controller';

@Module({
  imports: [IdentityModule],
  controllers: [TokenController],
  providers: [SigningKeysRepository, SigningKeysService, IssueTokenService],
  exports: [SigningKeysService],
})
export class TokensModule {}
