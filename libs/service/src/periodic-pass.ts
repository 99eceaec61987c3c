import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

/** The first pass comes soon after start, so instances that restart often still run passes. */
const FIRST_PASS_DELAY_MS = 10_000;

/**
 * A pass a service runs in every instance at a configured interval (0: never), as jobs of the platform's
 * scheduler, which stops them at shutdown. The pass itself must be safe to run in several instances at
 * once. A pass still running when the next is due is not doubled, and shutdown waits for it. The
 * interval comes from the configuration, so the jobs are registered at start rather than with
 * `@Interval`, whose period is fixed when the class is declared.
 */
export abstract class PeriodicPass implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private current: Promise<void> | undefined;

  protected constructor(
    private readonly job: string,
    private readonly intervalMs: number,
    private readonly scheduler: SchedulerRegistry,
  ) {
    this.logger = new Logger(job);
  }

  /** One pass; what it failed with is logged, and the next pass runs at its time. */
  protected abstract pass(): Promise<void>;

  onApplicationBootstrap(): void {
    if (this.intervalMs === 0) return;
    this.scheduler.addTimeout(
      `${this.job}:first`,
      setTimeout(() => this.tick(), Math.min(this.intervalMs, FIRST_PASS_DELAY_MS)),
    );
    this.scheduler.addInterval(
      this.job,
      setInterval(() => this.tick(), this.intervalMs),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    // The scheduler clears the timers itself; a pass already under way is let finish.
    await this.current;
  }

  private tick(): void {
    if (this.current) return;
    this.current = this.pass()
      .catch((error: unknown) => this.logger.error({ err: error, msg: `${this.job} pass failed` }))
      .finally(() => {
        this.current = undefined;
      });
  }
}
