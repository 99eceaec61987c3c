import { DomainError } from '@c2c/platform';

/** Every way a login can be refused; the code is the problem type clients see. */
export enum TokenErrorCode {
  InvalidCredentials = 'invalid-credentials',
  /** The platform's type for every limit, so clients handle one kind of 429. */
  LockedOut = 'rate-limited',
}

/** A refused login. Thrown by the token use case, which knows nothing of HTTP. */
export class TokenError extends DomainError<TokenErrorCode> {
  /** One error for an unknown e-mail and a wrong password alike: no probing for accounts. */
  static invalidCredentials(): TokenError {
    return new TokenError(TokenErrorCode.InvalidCredentials, 'unauthenticated', 'wrong e-mail or password', {
      title: 'Wrong e-mail or password',
    });
  }

  /** Too many failed logins for this account: no password is checked until the lockout ends. */
  static lockedOut(retryAfterSeconds: number): TokenError {
    return new TokenError(
      TokenErrorCode.LockedOut,
      'throttled',
      `too many failed logins for this account; retry in ${retryAfterSeconds} s`,
      { title: 'Too many requests', retryAfterSeconds },
    );
  }
}
