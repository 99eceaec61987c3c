import { Logger } from '@nestjs/common';
import {
  isRevocationFeedDocument,
  REVOCATION_KEY_HEADER,
  RevocationCheck,
  RevocationFeedDocument,
} from './revocation';

export interface RevocationFeedOptions {
  /** The gateway's feed, e.g. `http://gateway:3000/.well-known/c2c-revocations`. */
  url: string;
  /** The secret the gateway serves the feed for (its `REVOCATION_FEED_SECRET`). */
  secret: string;
  /** How often the feed is read (default 2 s): how long a revoked token may still pass here. */
  intervalMs?: number;
  /** Deadline of one read (default 2 s). */
  timeoutMs?: number;
}

/**
 * A service's view of the gateway's revocations: polls the feed every few seconds and refuses a
 * token of a listed subject whose version is below the listed one. Each read replaces the whole
 * list (the feed is complete for its window), so entries age out with the tokens they concern.
 *
 * When the gateway cannot be read, the last list stays in force and a warning is logged: the
 * service goes on serving (fail open), since refusing every caller while the gateway restarts
 * would turn a short outage into a platform-wide one; tokens still expire within their TTL.
 */
export class RevocationFeed implements RevocationCheck {
  private readonly logger = new Logger(RevocationFeed.name);
  private versions = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private failing = false;
  private closed = false;

  constructor(private readonly options: RevocationFeedOptions) {}

  accepts(subject: string, tokenVersion: number): boolean {
    const minimum = this.versions.get(subject);
    return minimum === undefined || tokenVersion >= minimum;
  }

  start(): void {
    if (this.timer !== undefined || this.closed) return;
    const loop = (): void => {
      void this.refresh().finally(() => {
        if (this.closed) return;
        this.timer = setTimeout(loop, this.options.intervalMs ?? 2_000);
        // Polling alone must never keep a process alive that is otherwise done.
        this.timer.unref();
      });
    };
    loop();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** Reads the feed once; true when it was read. Never throws. */
  async refresh(): Promise<boolean> {
    try {
      const response = await fetch(this.options.url, {
        headers: { [REVOCATION_KEY_HEADER]: this.options.secret, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 2_000),
      });
      if (!response.ok) throw new Error(`the feed answered ${response.status}`);
      const document: unknown = await response.json();
      if (!isRevocationFeedDocument(document)) throw new Error('the feed is not a revocation list');
      this.apply(document);
      if (this.failing) this.logger.log('the revocation feed is readable again');
      this.failing = false;
      return true;
    } catch (error) {
      // Once per outage: a gateway restart must not flood the log every two seconds.
      if (!this.failing) {
        this.logger.warn(
          `the revocation feed ${this.options.url} cannot be read (${(error as Error).message}); the last list stays in force`,
        );
      }
      this.failing = true;
      return false;
    }
  }

  private apply(document: RevocationFeedDocument): void {
    const versions = new Map<string, number>();
    for (const { sub, tokenVersion } of document.entries) {
      versions.set(sub, Math.max(tokenVersion, versions.get(sub) ?? 0));
    }
    this.versions = versions;
  }
}
