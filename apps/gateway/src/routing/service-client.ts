import CircuitBreaker from 'opossum';
import { Problem, ProblemType } from '@c2c/platform';
import { Pool } from 'undici';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UpstreamRequest {
  method: HttpMethod;
  /** Path and query on the service, e.g. `/cities?limit=5`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface ServiceClientOptions {
  /** Headers and body must arrive within this, in ms. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Extra attempts for idempotent methods after a failed connection or a 502/503. */
  retries: number;
  breaker: { resetMs: number; errorPercent: number; volumeThreshold: number };
  connections?: number;
}

/** Only these may be sent twice: repeating them cannot do something twice (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRY_STATUSES = new Set([502, 503]);
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

class UpstreamTimeout extends Error {}
class UpstreamUnreachable extends Error {}
/** A 5xx answer: counts against the breaker, yet reaches the client as the service gave it. */
class UpstreamFailed extends Error {
  constructor(readonly response: UpstreamResponse) {
    super(`upstream answered ${response.status}`);
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

// By name, not instanceof: the AbortSignal's DOMException may come from another realm (e.g. a test vm).
const isTimeout = (error: unknown): boolean =>
  (error as { name?: unknown } | null)?.name === 'TimeoutError' ||
  ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'].includes(codeOf(error) ?? '');

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls one service's internal HTTP API: pooled keep-alive connections (undici), a deadline per
 * call, retries only where repeating is harmless, and a circuit breaker (opossum) so a service that
 * is down costs callers an immediate `503` instead of a hung request each.
 */
export class ServiceClient {
  private readonly pool: Pool;
  private readonly breaker: CircuitBreaker<[UpstreamRequest], UpstreamResponse>;

  constructor(
    readonly service: string,
    baseUrl: string,
    private readonly options: ServiceClientOptions,
  ) {
    this.pool = new Pool(new URL(baseUrl).origin, {
      connections: options.connections ?? 32,
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: 10_000,
    });
    this.breaker = new CircuitBreaker((request: UpstreamRequest) => this.attempt(request), {
      timeout: false,
      resetTimeout: options.breaker.resetMs,
      errorThresholdPercentage: options.breaker.errorPercent,
      volumeThreshold: options.breaker.volumeThreshold,
      rollingCountTimeout: 10_000,
      rollingCountBuckets: 10,
    });
  }

  /** `closed` (calls flow), `open` (refused at once) or `half-open` (one trial call). */
  get state(): 'closed' | 'open' | 'half-open' {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  /**
   * Sends a request. Any answer of the service comes back as it is (4xx and 5xx included); a
   * service that cannot be reached, or whose circuit is open, is a `503` problem naming it; one that
   * does not answer in time a `504`.
   */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      return await this.breaker.fire(request);
    } catch (error) {
      if (error instanceof UpstreamFailed) return error.response;
      const extensions = { service: this.service };
      if (error instanceof UpstreamTimeout) {
        throw new Problem(
          ProblemType.GatewayTimeout,
          `the ${this.service} service did not answer within ${this.options.timeoutMs} ms`,
          { extensions },
        );
      }
      const open = codeOf(error) === 'EOPENBREAKER';
      throw new Problem(
        ProblemType.ServiceUnavailable,
        `the ${this.service} service is unavailable${open ? ' (circuit open)' : ''}`,
        {
          extensions,
          headers: { 'retry-after': String(Math.ceil(this.options.breaker.resetMs / 1000)) },
          cause: error,
        },
      );
    }
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    await this.pool.close();
  }

  private async attempt(request: UpstreamRequest): Promise<UpstreamResponse> {
    const attempts = IDEMPOTENT.has(request.method) ? 1 + this.options.retries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.once(request);
        if (response.status >= 500 && response.status !== 501) {
          if (attempt < attempts && RETRY_STATUSES.has(response.status)) {
            await pause(this.backoff(attempt));
            continue;
          }
          throw new UpstreamFailed(response);
        }
        return response;
      } catch (error) {
        // A timeout is not retried: the service may still be working on it, and the caller waited enough.
        if (!(error instanceof UpstreamUnreachable) || attempt >= attempts) throw error;
        await pause(this.backoff(attempt));
      }
    }
  }

  private backoff(attempt: number): number {
    return 25 * 2 ** (attempt - 1) + Math.floor(Math.random() * 25);
  }

  private async once(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      const response = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = Buffer.from(await response.body.arrayBuffer());
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: response.statusCode, headers, body };
    } catch (error) {
      if (isTimeout(error)) throw new UpstreamTimeout(`${this.service}: timeout`, { cause: error });
      if (CONNECTION_FAILURES.has(codeOf(error) ?? '')) {
        throw new UpstreamUnreachable(`${this.service}: ${codeOf(error)}`, { cause: error });
      }
      throw error;
    }
  }
}
