import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { InternalTokensService } from './internal-tokens.service';
import { IssueTokenService } from './issue-token.service';
import { RevocationFeedController } from './revocation-feed.controller';
import { RevocationFeedService } from './revocation-feed.service';
import { SigningKeysRepository } from './signing-keys.repository';
import { SigningKeysService } from './signing-keys.service';
import { TokenController } from './token.controller';

@Module({
  imports: [IdentityModule],
  controllers: [TokenController, RevocationFeedController],
  providers: [
    SigningKeysRepository,
    SigningKeysService,
    IssueTokenService,
    InternalTokensService,
    RevocationFeedService,
  ],
  // IdentityModule too: the auth module's factory takes UserTokenVersions from here.
  exports: [SigningKeysService, InternalTokensService, IdentityModule],
})
export class TokensModule {}
