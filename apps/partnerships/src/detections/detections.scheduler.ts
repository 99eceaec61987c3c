import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '@c2c/platform';
import { PeriodicPass } from '@c2c/service';
import { PartnershipsConfig } from '../config';
import { RunDetections } from './run-detections.usecase';

/** Runs a detection pass in this replica every `DETECTION_INTERVAL_MS` (0: never). */
@Injectable()
export class DetectionScheduler extends PeriodicPass {
  constructor(
    private readonly detections: RunDetections,
    private readonly clock: Clock,
    config: PartnershipsConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('partnership-detections', config.DETECTION_INTERVAL_MS, scheduler);
  }

  protected async pass(): Promise<void> {
    const report = await this.detections.run(this.clock.now());
    if (report.expired + report.renewalDue + report.dormant > 0)
      this.logger.log({ msg: 'detections', ...report });
  }
}
