import CircuitBreaker from 'opossum';
import { isTracing, Problem, ProblemType, recordFailure, traceHeadersOf, tracer } from '@c2c/platform';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_FULL,
} from '@opentelemetry/semantic-conventions';
import { Dispatcher, interceptors, Pool } from 'undici';

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

/** `closed` (calls flow), `open` (refused at once) or `half-open` (one trial call). */
export type BreakerState = 'closed' | 'open' | 'half-open';

export interface ServiceClientOptions {
  /** Headers and body must arrive within this, in ms, for all attempts of a call together. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Extra attempts for idempotent methods after a failed connection or a 502/503. */
  retries: number;
  /** Wait before the first retry, in ms, doubling for each further one (default 25). */
  retryBackoffMs?: number;
  breaker: { resetMs: number; errorPercent: number; volumeThreshold: number };
  connections?: number;
  /**
   * What requests go through, to the service's origin; by default a keep-alive connection pool
   * made and closed by the client. Tests pass an undici `MockAgent`, which the client never closes.
   */
  dispatcher?: Dispatcher;
}

/** Only these may be sent twice: repeating them cannot do something twice (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS: HttpMethod[] = ['GET', 'HEAD', 'PUT', 'DELETE'];
/** Answers of a service (or its proxy) that is briefly unable to serve: another attempt may do. */
const RETRIED_STATUSES = [502, 503];
/**
 * Answers that say the service is unwell, not the request: they count against the breaker. A 500
 * may be one caller's input meeting a bug, and a 4xx is the caller's; neither must shut others out.
 */
const BREAKER_STATUSES = new Set([502, 503, 504]);
/** The request never reached the service: always safe to try again for an idempotent method. */
const CONNECTION_FAILURES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
];
const MAX_BACKOFF_MS = 250;

class UpstreamTimeout extends Error {}
class UpstreamUnreachable extends Error {}
/** A 502–504 answer: counts against the breaker, yet reaches the client as the service gave it. */
class UpstreamFailed extends Error {
  constructor(readonly response: UpstreamResponse) {
    super(`upstream answered ${response.status}`);
  }
}

/** Only these failures say the service is down or overwhelmed; anything else leaves the breaker be. */
const countsAgainstBreaker = (error: unknown): boolean =>
  error instanceof UpstreamTimeout || error instanceof UpstreamUnreachable || error instanceof UpstreamFailed;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

// By name, not instanceof: the AbortSignal's DOMException may come from another realm (e.g. a test vm).
const isTimeout = (error: unknown): boolean =>
  (error as { name?: unknown } | null)?.name === 'TimeoutError' ||
  ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'].includes(codeOf(error) ?? '');

/**
 * Calls one service's internal HTTP API: pooled keep-alive connections (undici), a deadline per
 * call, retries only where repeating is harmless (undici's retry interceptor), and a circuit breaker
 * (opossum) so a service that is down costs callers an immediate `503` instead of a hung request each.
 */
export class ServiceClient {
  private readonly origin: string;
  private readonly url: URL;
  private readonly base: Dispatcher;
  private readonly ownsBase: boolean;
  private readonly dispatcher: Dispatcher;
  private readonly breaker: CircuitBreaker<[UpstreamRequest], UpstreamResponse>;
  private readonly tally = { calls: 0, refused: 0 };

  constructor(
    readonly service: string,
    baseUrl: string,
    private readonly options: ServiceClientOptions,
  ) {
    this.url = new URL(baseUrl);
    this.origin = this.url.origin;
    this.ownsBase = options.dispatcher === undefined;
    this.base =
      options.dispatcher ??
      new Pool(this.origin, {
        connections: options.connections ?? 32,
        connect: { timeout: options.connectTimeoutMs },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        keepAliveTimeout: 10_000,
      });
    this.dispatcher = this.base.compose(
      interceptors.retry({
        maxRetries: options.retries,
        methods: IDEMPOTENT_METHODS,
        statusCodes: RETRIED_STATUSES,
        errorCodes: CONNECTION_FAILURES,
        minTimeout: options.retryBackoffMs ?? 25,
        maxTimeout: MAX_BACKOFF_MS,
        timeoutFactor: 2,
        // A service's Retry-After is meant for our clients (it is passed on), not for a short retry.
        retryAfter: false,
        // The last answer, when retries are used up or not allowed, is passed on as the service gave it.
        throwOnError: false,
      }),
    );
    this.breaker = new CircuitBreaker((request: UpstreamRequest) => this.attempt(request), {
      timeout: false,
      resetTimeout: options.breaker.resetMs,
      errorThresholdPercentage: options.breaker.errorPercent,
      volumeThreshold: options.breaker.volumeThreshold,
      rollingCountTimeout: 10_000,
      rollingCountBuckets: 10,
      // Truthy: not a failure. Anything but an outage (a bug of ours, a refused header) stays uncounted.
      errorFilter: (error: unknown) => !countsAgainstBreaker(error),
    });
    this.breaker.on('reject', () => this.tally.refused++);
  }

  /**
   * Since the client was made: calls let through to the service (each with its retries), and calls
   * an open circuit refused without reaching it.
   */
  get counts(): { calls: number; refused: number } {
    return { ...this.tally };
  }

  get state(): BreakerState {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  /** Calls `listener` whenever the breaker changes state: for logs and metrics, and for tests. */
  onStateChange(listener: (state: BreakerState) => void): void {
    this.breaker.on('open', () => listener('open'));
    this.breaker.on('halfOpen', () => listener('half-open'));
    this.breaker.on('close', () => listener('closed'));
  }

  /**
   * Sends a request. Any answer of the service comes back as it is (4xx and 5xx included); a
   * service that cannot be reached, or whose circuit is open, is a `503` problem naming it; one that
   * does not answer in time a `504`.
   */
  send(request: UpstreamRequest): Promise<UpstreamResponse> {
    return isTracing() ? this.sendTraced(request) : this.sendUntraced(request);
  }

  /**
   * A CLIENT span around the call (its retries included: they are undici's, inside one call), child of
   * the gateway's server span, whose `traceparent` the service continues. Hand-made rather than
   * `@opentelemetry/instrumentation-undici`, which listens to undici's diagnostics channel and would
   * need its require hook loaded first (see docs/operations.md, Tracing).
   */
  private async sendTraced(request: UpstreamRequest): Promise<UpstreamResponse> {
    const span = tracer().startSpan(request.method, {
      kind: SpanKind.CLIENT,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: request.method,
        [ATTR_SERVER_ADDRESS]: this.url.hostname,
        ...(this.url.port ? { [ATTR_SERVER_PORT]: Number(this.url.port) } : {}),
        // Without the query: it may hold what callers searched for.
        [ATTR_URL_FULL]: `${this.origin}${request.path.split('?')[0] ?? ''}`,
        'peer.service': this.service,
      },
    });
    try {
      const headers = { ...request.headers, ...traceHeadersOf(trace.setSpan(context.active(), span)) };
      const response = await this.sendUntraced({ ...request, headers });
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
      if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      return response;
    } catch (error) {
      recordFailure(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  private async sendUntraced(request: UpstreamRequest): Promise<UpstreamResponse> {
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
    if (this.ownsBase) await this.base.close();
  }

  /** One call, with undici's retries inside it: the breaker sees only the outcome. */
  private async attempt(request: UpstreamRequest): Promise<UpstreamResponse> {
    this.tally.calls++;
    let response: UpstreamResponse;
    try {
      const answer = await this.dispatcher.request({
        origin: this.origin,
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body ?? null,
        // One deadline for every attempt: a timeout is never retried, as the service may still be
        // working on it, and the caller has waited enough.
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = Buffer.from(await answer.body.arrayBuffer());
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      response = { status: answer.statusCode, headers, body };
    } catch (error) {
      if (isTimeout(error)) throw new UpstreamTimeout(`${this.service}: timeout`, { cause: error });
      if (CONNECTION_FAILURES.includes(codeOf(error) ?? '')) {
        throw new UpstreamUnreachable(`${this.service}: ${codeOf(error)}`, { cause: error });
      }
      throw error;
    }
    if (BREAKER_STATUSES.has(response.status)) throw new UpstreamFailed(response);
    return response;
  }
}
