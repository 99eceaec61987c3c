import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { platformClaimsOf, TOKEN_VERSION_CLAIM } from '@c2c/auth';
import { SignJWT } from 'jose';
import { GatewayConfig } from '../config';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from '../identity/password-hasher';
import { UsersRepository } from '../identity/users.repository';
import { TokenResponseDto } from './dto/token-response.dto';
import { SIGNING_ALGORITHM, SigningKeysService } from './signing-keys.service';
import { TokenError } from './token.errors';

/** Logging in: checks the password and issues a short-lived access token (RFC 9068 profile). */
@Injectable()
export class IssueTokenService {
  /** Per-e-mail lockouts; this service alone sees which logins failed. */
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly config: GatewayConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly keys: SigningKeysService,
  ) {
    this.throttle = new LoginThrottle({
      failures: config.LOGIN_FAILURES_BEFORE_LOCKOUT,
      windowMs: config.RATE_LIMIT_WINDOW_MS,
      baseLockoutMs: config.LOGIN_LOCKOUT_BASE_SECONDS * 1000,
      maxLockoutMs: config.LOGIN_LOCKOUT_MAX_SECONDS * 1000,
    });
  }

  async issue(email: string, password: string): Promise<TokenResponseDto> {
    // Before any argon2 work: a locked-out account costs the gateway nothing.
    this.throttle.check(email);
    const user = await this.users.findByEmail(email.trim());
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNothing(password);
    // One answer for an unknown e-mail, a wrong password and a deactivated account (checked after
    // the password, so its timing tells nothing either): no probing for accounts.
    if (!user || !valid || user.deactivatedAt !== null) {
      this.throttle.failed(email);
      throw TokenError.invalidCredentials();
    }
    this.throttle.succeeded(email);

    const { kid, privateKey } = await this.keys.signer();
    const now = Math.floor(Date.now() / 1000);
    const ttl = this.config.TOKEN_TTL_SECONDS;
    // The token version lets the gateway and the services refuse this token once it is revoked.
    const accessToken = await new SignJWT({
      ...platformClaimsOf(user),
      [TOKEN_VERSION_CLAIM]: user.tokenVersion,
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'at+jwt' })
      .setIssuer(this.config.TOKEN_ISSUER)
      .setAudience(this.config.TOKEN_AUDIENCE)
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(privateKey);
    return { accessToken, tokenType: 'Bearer', expiresIn: ttl };
  }
}
