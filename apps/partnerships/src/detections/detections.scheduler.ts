import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@c2c/platform';
import { PartnershipsConfig } from '../config';
import { RunDetections } from './run-detections.usecase';

/** The first pass comes soon after start, so replicas that restart often still run passes. */
const FIRST_PASS_DELAY_MS = 10_000;

/**
 * Runs a detection pass in this replica every `DETECTION_INTERVAL_MS`. Every replica does; the pass
 * itself makes that safe. A pass still running when the next is due is not doubled.
 */
@Injectable()
export class DetectionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('detections');
  private timers: NodeJS.Timeout[] = [];
  private current: Promise<void> | undefined;

  constructor(
    private readonly detections: RunDetections,
    private readonly config: PartnershipsConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.DETECTION_INTERVAL_MS;
    if (interval === 0) return;
    this.timers = [
      setTimeout(() => this.tick(), Math.min(interval, FIRST_PASS_DELAY_MS)),
      setInterval(() => this.tick(), interval),
    ];
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
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
