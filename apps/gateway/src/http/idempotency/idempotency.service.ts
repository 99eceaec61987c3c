import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Problem, ProblemType } from '@c2c/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayConfig } from '../../config';
import { canonicalJson } from './canonical-json';
import { IdempotencyRepository, StoredResponse } from './idempotency.repository';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotency-replayed';

// Visible ASCII, as the IETF draft's sf-string allows; long enough for a UUID or a client's own scheme.
const KEY = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];
const PENDING = Symbol('idempotency.pending');
/** Expired keys are only garbage (a claim ignores them), so an hourly sweep is soon enough. */
const SWEEP_EVERY_MS = 3_600_000;

interface Pending {
  owner: string;
  key: string;
}

type WithPending = { [PENDING]?: Pending };

/**
 * `Idempotency-Key` on POST (draft-ietf-httpapi-idempotency-key-header): the first request with a
 * key runs and its answer is kept for IDEMPOTENCY_TTL_HOURS; the same key with the same request gets
 * that answer again, marked `Idempotency-Replayed: true`; with another request it gets a 422. Only
 * answers below 400 are kept: a failed request changed nothing, so its key is released for a retry.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);

  constructor(
    private readonly repository: IdempotencyRepository,
    private readonly config: GatewayConfig,
  ) {}

  /** The hourly job deleting expired keys. Never throws: a failed run is logged, the next one retries. */
  @Interval('idempotency-key-sweep', SWEEP_EVERY_MS)
  async sweep(): Promise<void> {
    try {
      await this.repository.deleteExpired();
    } catch (error) {
      this.logger.error({ err: error }, 'deleting expired idempotency keys failed');
    }
  }

  /**
   * Before the handler: claims the key, or returns the stored answer to replay. Throws 422 for a key
   * reused with another request and 409 while the first request is still running.
   */
  async begin(request: FastifyRequest, owner: string): Promise<StoredResponse | undefined> {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || header === undefined) return undefined;
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) {
      throw new Problem(ProblemType.ValidationError, 'invalid field(s): Idempotency-Key', {
        errors: [{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }],
      });
    }
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson(request.body)}`)
      .digest('base64url');
    const claim = await this.repository.claim(
      owner,
      key,
      hash,
      this.config.IDEMPOTENCY_TTL_HOURS,
      this.config.IDEMPOTENCY_KEYS_PER_USER,
    );
    switch (claim.outcome) {
      case 'claimed':
        (request as WithPending)[PENDING] = { owner, key };
        return undefined;
      case 'replay':
        return claim.response;
      case 'mismatch':
        throw new Problem(
          ProblemType.IdempotencyKeyReused,
          'this Idempotency-Key was used for a different request; use a new key for a new request',
        );
      case 'in-progress':
        throw new Problem(ProblemType.IdempotencyKeyInUse, 'retry when the first request has finished', {
          headers: { 'retry-after': '1' },
        });
      // Each key is a stored answer: without a bound one caller could fill the gateway's database.
      case 'over-limit':
        throw new Problem(
          ProblemType.RateLimited,
          `at most ${this.config.IDEMPOTENCY_KEYS_PER_USER} live Idempotency-Keys per user (each kept ${this.config.IDEMPOTENCY_TTL_HOURS} h); retry without the header, or later`,
          { headers: { 'retry-after': String(claim.retryAfterSeconds) } },
        );
    }
  }

  /** Whether this request claimed a key that its answer must settle. */
  isPending(request: FastifyRequest): boolean {
    return (request as WithPending)[PENDING] !== undefined;
  }

  /** After the answer is serialised (Fastify onSend): keeps it, or releases the key on failure. */
  async finish(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<void> {
    const pending = (request as WithPending)[PENDING];
    if (pending === undefined) return;
    (request as WithPending)[PENDING] = undefined;
    const body =
      typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : undefined;
    if (reply.statusCode >= 400 || (body === undefined && payload !== null && payload !== undefined)) {
      await this.repository.release(pending.owner, pending.key);
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    await this.repository.complete(pending.owner, pending.key, {
      status: reply.statusCode,
      headers,
      body: body ?? Buffer.alloc(0),
    });
  }
}
