import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '@c2c/platform';
import { PeriodicPass } from '@c2c/service';
import { CommissionsConfig } from '../config';
import { RunOverdueSweep } from './run-overdue-sweep.usecase';

/** Runs an overdue sweep in this instance every `OVERDUE_SWEEP_INTERVAL_MS` (0: never). */
@Injectable()
export class OverdueScheduler extends PeriodicPass {
  constructor(
    private readonly sweep: RunOverdueSweep,
    private readonly clock: Clock,
    config: CommissionsConfig,
    scheduler: SchedulerRegistry,
  ) {
    super('commission-overdue-sweep', config.OVERDUE_SWEEP_INTERVAL_MS, scheduler);
  }

  protected async pass(): Promise<void> {
    const announced = await this.sweep.run(this.clock.now());
    if (announced > 0) this.logger.log({ msg: 'overdue actions announced', announced });
  }
}
