import { Injectable } from '@nestjs/common';

/** A dependency's readiness: resolves when it answers, throws (with why) when it does not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * Modules register what the service cannot work without (its database, the broker); `/health/ready`
 * asks each of them (at most once a second), so readiness follows a dependency going away and coming
 * back.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();
  private stopping = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }

  /**
   * Shutdown began: readiness answers 503 from now on, at once (not after the cached answer
   * expires) and without asking any dependency, so the load balancer sends this instance nothing new.
   */
  beginShutdown(): void {
    this.stopping = true;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }
}
