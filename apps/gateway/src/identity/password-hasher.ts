import { Injectable } from '@nestjs/common';
import { DomainError } from '@c2c/platform';
import argon2 from 'argon2';
import { GatewayConfig } from '../config';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): slow for guessing, and small enough that a
// burst of logins does not push the gateway past its memory budget.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** How long a client refused for a full queue should wait: a few argon2 operations' worth. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Password hashing with argon2id; the only place that knows the parameters. At most
 * PASSWORD_HASH_CONCURRENCY operations run at once and PASSWORD_HASH_QUEUE wait: each holds a libuv
 * thread (shared with DNS lookups and file reads) and 19 MiB, so an unbounded login flood would
 * starve the rest of the gateway and grow memory without limit. Beyond the queue, a quick 503.
 */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly config: GatewayConfig) {}

  hash(password: string): Promise<string> {
    return this.bounded(() => argon2.hash(password, OPTIONS));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return this.bounded(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    });
  }

  /**
   * Spends the time of a real verification for an unknown e-mail, so response times do not tell
   * which addresses have accounts.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('no-such-user-password');
    // A refused (busy) dummy hash must not stay cached as the dummy for every later login.
    this.dummy.catch(() => (this.dummy = undefined));
    await this.verify(await this.dummy, password);
    return false;
  }

  private async bounded<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.config.PASSWORD_HASH_CONCURRENCY) {
      if (this.waiting.length >= this.config.PASSWORD_HASH_QUEUE) {
        throw new DomainError(
          'service-unavailable',
          'unavailable',
          'too many logins at once; retry shortly',
          {
            title: 'Service unavailable',
            retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
          },
        );
      }
      // The slot is handed over by the finishing operation, so `running` never drops in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
