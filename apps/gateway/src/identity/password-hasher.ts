import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): slow for guessing, and small enough that a
// burst of logins does not push the gateway past its memory budget.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Password hashing with argon2id; the only place that knows the parameters. */
@Injectable()
export class PasswordHasher {
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /**
   * Spends the time of a real verification for an unknown e-mail, so response times do not tell
   * which addresses have accounts.
   */
  async verifyNothing(password: string): Promise<false> {
    this.dummy ??= this.hash('no-such-user-password');
    await this.verify(await this.dummy, password);
    return false;
  }
}
