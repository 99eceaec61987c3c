import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import { Dispatcher, request as undiciRequest } from 'undici';
import { DeliveryOutcome, outcomeKindForStatus, parseRetryAfter } from './delivery-outcome';
import { createSafeDispatcher } from './safe-dispatcher';
import { checkTargetUrl, TargetPolicy, TargetRefusedError } from './target-policy';

/**
 * The body is a structured-mode CloudEvent, so it goes out as `application/cloudevents+json`: the
 * CloudEvents HTTP binding requires that media type for structured mode, and it is how a receiver's
 * CloudEvents SDK tells structured from binary mode. Standard Webhooks only asks for a JSON body and
 * signs the raw bytes whatever the content type, so nothing is lost for receivers that only verify.
 */
export const WEBHOOK_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

export interface WebhookDeliveryRequest {
  url: string;
  /** `webhook-id`: the same on every attempt of one event (the receiver's idempotency key); no `.`. */
  messageId: string;
  /** `webhook-timestamp`: this attempt's time (not the event's), which the receiver checks for replay. */
  timestamp: Date;
  /** The CloudEvent serialised once: exactly these bytes are signed and sent. */
  body: string;
  /** `whsec_` secrets, one signature each: the current one, plus the previous during a rotation overlap. */
  secrets: readonly string[];
}

export interface WebhookSenderOptions {
  policy: TargetPolicy;
  /** Default 5 s; used for the dispatcher the sender builds. */
  connectTimeoutMs?: number;
  /** The whole attempt, from connecting to the end of the capped body. Default 15 s. */
  totalTimeoutMs?: number;
  /** How much of the response body is read (the rest is discarded). Default 4 KiB. */
  maxResponseBytes?: number;
  userAgent?: string;
  /** A dispatcher to use instead of the safe one (it is then the caller's to close). */
  dispatcher?: Dispatcher;
}

// The spec's message id must not let the signed `{id}.{timestamp}.{body}` be ambiguous: no dots, and
// printable ASCII only, since it is also a header value.
const MESSAGE_ID = /^[\x21-\x2d\x2f-\x7e]+$/;

/**
 * Sends one signed webhook attempt and classifies what came of it. It holds no state between sends
 * except the dispatcher's connection pool, so deliveries to different targets never wait for each other.
 */
export class WebhookSender {
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly totalTimeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly userAgent: string;

  constructor(private readonly options: WebhookSenderOptions) {
    this.totalTimeoutMs = options.totalTimeoutMs ?? 15_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 4096;
    this.userAgent = options.userAgent ?? 'c2c-notifications-webhooks/1';
    this.ownsDispatcher = !options.dispatcher;
    this.dispatcher =
      options.dispatcher ??
      createSafeDispatcher({
        policy: options.policy,
        connectTimeoutMs: options.connectTimeoutMs,
        headersTimeoutMs: this.totalTimeoutMs,
        bodyTimeoutMs: this.totalTimeoutMs,
      });
  }

  /** Never throws for anything the target does; throws TypeError for a malformed request (a bug here). */
  async send(request: WebhookDeliveryRequest): Promise<DeliveryOutcome> {
    const headers = this.headersFor(request);
    const started = performance.now();
    const latencyMs = () => Math.round(performance.now() - started);

    const target = checkTargetUrl(request.url, this.options.policy);
    if (!target.ok) return { kind: 'refused', latencyMs: latencyMs(), error: target.error.message };

    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.totalTimeoutMs);
    try {
      const response = await undiciRequest(target.url, {
        method: 'POST',
        headers,
        body: request.body,
        dispatcher: this.dispatcher,
        signal: abort.signal,
      });
      const excerpt = await readCapped(response.body, this.maxResponseBytes).catch(() => '');
      const status = response.statusCode;
      const kind = outcomeKindForStatus(status);
      const outcome: DeliveryOutcome = { kind, status, latencyMs: latencyMs() };
      if (excerpt) outcome.responseExcerpt = excerpt;
      if (kind !== 'delivered') outcome.error = describeStatus(status, response.headers.location);
      if (kind === 'retry') {
        const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        if (retryAfterMs !== undefined) outcome.retryAfterMs = retryAfterMs;
      }
      return outcome;
    } catch (error) {
      if (error instanceof TargetRefusedError) {
        return { kind: 'refused', latencyMs: latencyMs(), error: error.message };
      }
      const reason = abort.signal.aborted
        ? `no complete answer within ${this.totalTimeoutMs} ms`
        : describeError(error);
      return { kind: 'retry', latencyMs: latencyMs(), error: reason };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the connection pool, if the sender made it. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private headersFor(request: WebhookDeliveryRequest): Record<string, string> {
    if (!MESSAGE_ID.test(request.messageId)) {
      throw new TypeError('a webhook message id is printable ASCII without dots or spaces');
    }
    if (request.secrets.length === 0) throw new TypeError('a webhook needs at least one secret');
    const signature = request.secrets
      .map((secret) => new Webhook(secret).sign(request.messageId, request.timestamp, request.body))
      .join(' ');
    return {
      'content-type': WEBHOOK_CONTENT_TYPE,
      'user-agent': this.userAgent,
      'webhook-id': request.messageId,
      'webhook-timestamp': String(Math.floor(request.timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    };
  }
}

/** Reads at most `max` bytes, then destroys the stream: the rest is never buffered. */
async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  max: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (max > 0) {
    // Leaving the loop early ends the iterator, which destroys the stream and its connection.
    for await (const chunk of body) {
      const part = chunk.subarray(0, max - size);
      chunks.push(part);
      size += part.length;
      if (size >= max) break;
    }
  }
  body.destroy();
  return Buffer.concat(chunks).toString('utf8');
}

function describeStatus(status: number, location: string | string[] | undefined): string {
  if (status >= 300 && status <= 399) {
    const to = typeof location === 'string' ? ` to ${location}` : '';
    return `the target answered ${status}: redirect${to} not followed (update the webhook URL)`;
  }
  return `the target answered ${status}`;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
