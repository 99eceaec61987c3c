import { Module } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotencyService } from './idempotency/idempotency.service';
import { UserRateLimiter } from './rate-limit/user-rate-limiter';

/** Cross-cutting request policies of the gateway, installed as Fastify hooks by gateway-app.ts. */
@Module({
  providers: [IdempotencyRepository, IdempotencyService, UserRateLimiter],
  exports: [IdempotencyService, UserRateLimiter],
})
export class HttpPoliciesModule {}
