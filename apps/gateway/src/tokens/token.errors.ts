import { DomainError } from '@c2c/platform';

/** Every way a login can be refused; the code is the problem type clients see. */
export enum TokenErrorCode {
  InvalidCredentials = 'invalid-credentials',
}

/** A refused login. Thrown by the token use case, which knows nothing of HTTP. */
export class TokenError extends DomainError<TokenErrorCode> {
  /** One error for an unknown e-mail and a wrong password alike: no probing for accounts. */
  static invalidCredentials(): TokenError {
    return new TokenError(TokenErrorCode.InvalidCredentials, 'unauthenticated', 'wrong e-mail or password', {
      title: 'Wrong e-mail or password',
    });
  }
}
