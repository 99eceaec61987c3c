import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '@c2c/platform';
import { PartnershipsConfig } from '../config';
import { RunDetections } from './run-detections.usecase';

/** The first pass comes soon after start, so replicas that restart often still run passes. */
const FIRST_PASS_DELAY_MS = 10_000;

const JOB = 'partnership-detections';

/**
 * Runs a detection pass in this replica every `DETECTION_INTERVAL_MS` (0: never), as jobs of the
 * platform's scheduler, which stops them at shutdown. Every replica runs passes; the pass itself makes
 * that safe. A pass still running when the next is due is not doubled, and shutdown waits for it.
 * The interval comes from the configuration, so the jobs are registered at start rather than with
 * `@Interval`, whose period is fixed when the class is declared.
 */
@Injectable()
export class DetectionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('detections');
  private current: Promise<void> | undefined;

  constructor(
    private readonly detections: RunDetections,
    private readonly config: PartnershipsConfig,
    private readonly clock: Clock,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.DETECTION_INTERVAL_MS;
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
    this.current = this.detections
      .run(this.clock.now())
      .then((report) => {
        if (report.expired + report.renewalDue + report.dormant > 0)
          this.logger.log({ msg: 'detections', ...report });
      })
      .catch((error: unknown) => this.logger.error({ err: error, msg: 'detection pass failed' }))
      .finally(() => {
        this.current = undefined;
      });
  }
}
