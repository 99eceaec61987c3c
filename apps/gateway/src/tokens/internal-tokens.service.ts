import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  bearerTokenOf,
  GATEWAY_TOKEN_TYPE,
  platformClaimsOf,
  serviceAudience,
  TOKEN_VERSION_CLAIM,
  userOf,
} from '@c2c/auth';
import type { FastifyRequest } from 'fastify';
import { decodeJwt, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { GatewayConfig } from '../config';
import { SIGNING_ALGORITHM, SigningKeysService } from './signing-keys.service';

/** An internal token lives this long: a service sees it only for the one call it was made for. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
/** A cached internal token is replaced this long before it expires, so none expires on its way. */
const RENEW_BEFORE_MS = 10_000;

interface CachedToken {
  authorization: string;
  renewAt: number;
}

/**
 * The tokens the gateway sends a service on a caller's behalf: the caller's subject and claims, for
 * that service's audience only (`urn:c2c:service:<name>`), signed with the gateway's key. A client's
 * own token (audience `urn:c2c:api`) never leaves the gateway, so the services accept nothing a
 * client could send them directly, past the gateway's limits.
 */
@Injectable()
export class InternalTokensService {
  private readonly cache = new LRUCache<string, CachedToken>({ max: 10_000 });

  constructor(
    private readonly config: GatewayConfig,
    private readonly keys: SigningKeysService,
  ) {}

  /** The `authorization` header for `service`, or none for an anonymous (or refused) caller. */
  async headersFor(service: string, request: FastifyRequest): Promise<{ authorization?: string }> {
    const user = userOf(request);
    const token = bearerTokenOf(request.headers.authorization);
    if (user === undefined || token === undefined) return {};
    // Per caller token and service: the token already fixes subject, claims and expiry.
    const key = createHash('sha256').update(service).update('\n').update(token).digest('base64url');
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.renewAt > Date.now()) return { authorization: cached.authorization };

    const now = Math.floor(Date.now() / 1000);
    // Never past the caller's own token: revoking or expiring it ends the internal one too.
    const callerExpiry = decodeJwt(token).exp ?? now;
    const exp = Math.min(now + INTERNAL_TOKEN_TTL_SECONDS, callerExpiry);
    const { kid, privateKey } = await this.keys.signer();
    const internal = await new SignJWT({
      ...platformClaimsOf(user),
      ...(user.tokenVersion === undefined ? {} : { [TOKEN_VERSION_CLAIM]: user.tokenVersion }),
    })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: GATEWAY_TOKEN_TYPE })
      .setIssuer(this.config.TOKEN_ISSUER)
      .setAudience(serviceAudience(service))
      .setSubject(user.userId)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .sign(privateKey);
    const authorization = `Bearer ${internal}`;
    const ttl = exp * 1000 - RENEW_BEFORE_MS - Date.now();
    if (ttl > 0) this.cache.set(key, { authorization, renewAt: Date.now() + ttl }, { ttl });
    return { authorization };
  }
}
