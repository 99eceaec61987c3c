import { Injectable } from '@nestjs/common';
import type { RevocationCheck } from '@c2c/auth';
import { LRUCache } from 'lru-cache';
import { TokenState, UsersRepository } from './users.repository';

/**
 * How long the gateway trusts what it read about a user's tokens: a deactivation or a password
 * change reaches every gateway replica within this, and a busy user costs one query per period.
 */
export const USER_TOKEN_STATE_TTL_MS = 2_000;

/**
 * The gateway's own revocation check for its tokens: a token is good while its user exists, is
 * not deactivated, and its `token_version` is the user's current one (or newer: a replica whose
 * cache is a moment behind the one that logged the user in).
 */
@Injectable()
export class UserTokenVersions implements RevocationCheck {
  private readonly states = new LRUCache<string, { state: TokenState | null }>({
    max: 50_000,
    ttl: USER_TOKEN_STATE_TTL_MS,
  });

  constructor(private readonly users: UsersRepository) {}

  async accepts(subject: string, tokenVersion: number): Promise<boolean> {
    const state = await this.stateOf(subject);
    return state !== null && !state.deactivated && tokenVersion >= state.tokenVersion;
  }

  /** Forgets a user at once on this replica (the others catch up within the TTL). */
  forget(userId: string): void {
    this.states.delete(userId);
  }

  private async stateOf(userId: string): Promise<TokenState | null> {
    const cached = this.states.get(userId);
    if (cached !== undefined) return cached.state;
    // Gateway tokens are only issued to platform users, whose ids are uuids; anything else is no user.
    const state = UUID.test(userId) ? await this.users.tokenStateOf(userId) : null;
    this.states.set(userId, { state });
    return state;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
