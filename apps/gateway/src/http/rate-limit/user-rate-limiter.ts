import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthenticatedUser, userOf } from '@c2c/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GatewayConfig } from '../../config';
import { rateLimited } from './rate-limits';

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

const keyOf = (user: AuthenticatedUser | undefined): string =>
  user === undefined ? 'user:anonymous' : `user:${user.issuer}|${user.userId}`;

/** Counts a request against its user's budget, wherever it comes from; shares `@fastify/rate-limit`'s store. */
@Injectable()
export class UserRateLimiter {
  private limiter: Limiter | undefined;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: GatewayConfig,
  ) {}

  /** Throws the 429 problem when the request's verified caller is over budget. */
  async check(request: FastifyRequest): Promise<void> {
    this.limiter ??= this.adapterHost.httpAdapter.getInstance<FastifyInstance>().createRateLimit({
      max: this.config.RATE_LIMIT_PER_USER,
      timeWindow: this.config.RATE_LIMIT_WINDOW_MS,
      // Made once and shared: the key must come from each request, never from a captured caller.
      keyGenerator: (req) => keyOf(userOf(req)),
    });
    const result = await this.limiter(request);
    if (!result.isAllowed && result.isExceeded) throw rateLimited('user', Math.max(1, result.ttlInSeconds));
  }
}
