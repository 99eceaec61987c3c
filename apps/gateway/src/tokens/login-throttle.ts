import { TokenError } from './token.errors';

/** What the throttle needs of the configuration. */
export interface LoginThrottleOptions {
  /** Failures within the window before a lockout. */
  failures: number;
  windowMs: number;
  /** The first lockout; each further one (without a success in between) doubles, up to `maxLockoutMs`. */
  baseLockoutMs: number;
  maxLockoutMs: number;
  /** Accounts tracked at most; the oldest are forgotten first, so a spray of e-mails cannot fill memory. */
  maxTracked?: number;
  now?: () => number;
}

interface Account {
  failures: number;
  firstFailureAt: number;
  lockouts: number;
  lockedUntil: number;
}

const DEFAULT_MAX_TRACKED = 100_000;

/**
 * Failed logins per e-mail, with lockouts that grow exponentially: the per-IP login limit does not
 * stop guessing one account's password from many addresses. Keyed by the e-mail as typed (trimmed,
 * lower-cased), known account or not, so a lockout tells nothing about which addresses exist. Kept in
 * memory per replica, like the other limits: with N replicas an attacker gets N times the budget.
 */
export class LoginThrottle {
  private readonly accounts = new Map<string, Account>();
  private readonly now: () => number;

  constructor(private readonly options: LoginThrottleOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Refuses (a `throttled` TokenError: 429 with Retry-After) while the e-mail is locked out. */
  check(email: string): void {
    const account = this.accounts.get(keyOf(email));
    const wait = account === undefined ? 0 : account.lockedUntil - this.now();
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw TokenError.lockedOut(seconds);
    }
  }

  failed(email: string): void {
    const key = keyOf(email);
    const now = this.now();
    const account = this.accounts.get(key) ?? {
      failures: 0,
      firstFailureAt: now,
      lockouts: 0,
      lockedUntil: 0,
    };
    if (now - account.firstFailureAt > this.options.windowMs) {
      account.failures = 0;
      account.firstFailureAt = now;
      // Quiet for longer than the longest lockout: start the backoff over.
      if (now - account.lockedUntil > this.options.maxLockoutMs) account.lockouts = 0;
    }
    account.failures++;
    if (account.failures >= this.options.failures) {
      const lockout = Math.min(this.options.baseLockoutMs * 2 ** account.lockouts, this.options.maxLockoutMs);
      account.lockedUntil = now + lockout;
      account.lockouts++;
      account.failures = 0;
      account.firstFailureAt = now;
    }
    // Re-inserted, so the map's order is by last failure and the oldest are forgotten first.
    this.accounts.delete(key);
    this.accounts.set(key, account);
    this.forgetOldest();
  }

  /** A correct password ends the backoff. */
  succeeded(email: string): void {
    this.accounts.delete(keyOf(email));
  }

  private forgetOldest(): void {
    const max = this.options.maxTracked ?? DEFAULT_MAX_TRACKED;
    for (const key of this.accounts.keys()) {
      if (this.accounts.size <= max) break;
      this.accounts.delete(key);
    }
  }
}

const keyOf = (email: string): string => email.trim().toLowerCase();
