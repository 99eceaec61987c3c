import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '@c2c/platform';
import { CommissionsConfig } from '../config';
import { RunOverdueSweep } from './run-overdue-sweep.usecase';

/** The first pass comes soon after start, so instances that restart often still run passes. */
const FIRST_PASS_DELAY_MS = 10_000;

const JOB = 'commission-overdue-sweep';

/**
 * Runs an overdue sweep in this instance every `OVERDUE_SWEEP_INTERVAL_MS` (0: never), as jobs of the
 * platform's scheduler, which stops them at shutdown. Every instance runs passes; the pass itself makes
 * that safe. A pass still running when the next is due is not doubled, and shutdown waits for it. The
 * interval comes from the configuration, so the jobs are registered at start rather than with
 * `@Interval`, whose period is fixed when the class is declared.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('overdue-sweep');
  private current: Promise<void> | undefined;

  constructor(
    private readonly sweep: RunOverdueSweep,
    private readonly config: CommissionsConfig,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.OVERDUE_SWEEP_INTERVAL_MS;
    if (interval === 0) return;
    this.scheduler.addTimeout(
      `${JOB}:first`,
      setTimeout(() => this.tick(), Math.min(interval, FIRST_PASS_DELAY_MS)),
    );
    this.scheduler.addInterval(
      JOB,
      setInterval(() => this.tick(), interval),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    // The scheduler clears the timers itself; a pass already under way is let finish.
    await this.current;
  }

  private tick(): void {
    if (this.current) return;
    this.current = this.sweep
      .run(this.clock.now())
      .then((announced) => {
        if (announced > 0) this.logger.log({ msg: 'overdue actions announced', announced });
      })
      .catch((error: unknown) => this.logger.error({ err: error, msg: 'overdue sweep failed' }))
      .finally(() => {
        this.current = undefined;
      });
  }
}
