import { Injectable } from '@nestjs/common';

/** A dependency's readiness: resolves when it answers, throws (with why) when it does not. */
export type ReadinessCheck = () => Promise<void>;

/**
 * Modules register what the service cannot work without (its database, the broker); `/health/ready`
 * asks each of them on every probe, so readiness follows a dependency going away and coming back.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): [string, ReadinessCheck][] {
    return [...this.checks.entries()];
  }
}
