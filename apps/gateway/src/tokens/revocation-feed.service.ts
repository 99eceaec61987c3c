import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { RevocationFeedDocument } from '@c2c/auth';
import { GatewayConfig } from '../config';
import { UsersRepository } from '../identity/users.repository';

/** Beyond a token's lifetime, for clocks a little apart: a revocation older than this concerns only expired tokens. */
const CLOCK_SKEW_SECONDS = 60;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * The revocation feed the services poll: users whose token version was bumped within a token's
 * lifetime. It names users, so it is served only to callers holding `REVOCATION_FEED_SECRET`.
 */
@Injectable()
export class RevocationFeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RevocationFeedService.name);

  constructor(
    private readonly config: GatewayConfig,
    private readonly users: UsersRepository,
  ) {}

  /** Said once at start: without the secret, a revoked token still works at the services until it expires. */
  onApplicationBootstrap(): void {
    if (this.config.REVOCATION_FEED_SECRET === undefined) {
      this.logger.warn(
        'REVOCATION_FEED_SECRET is not set: the revocation feed is off, so the services accept revoked tokens until they expire',
      );
    }
  }

  /** True when `presented` is the feed's secret (compared in constant time); false while none is set. */
  admits(presented: string | undefined): boolean {
    const secret = this.config.REVOCATION_FEED_SECRET;
    if (secret === undefined || presented === undefined) return false;
    return timingSafeEqual(digest(presented), digest(secret));
  }

  async feed(now = new Date()): Promise<RevocationFeedDocument> {
    const windowSeconds = this.config.TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS;
    const revoked = await this.users.revokedSince(new Date(now.getTime() - windowSeconds * 1000));
    return {
      windowSeconds,
      entries: revoked.map((user) => ({
        sub: user.id,
        tokenVersion: user.tokenVersion,
        notBefore: user.tokensRevokedAt.toISOString(),
      })),
    };
  }
}
