import { Module } from '@nestjs/common';
import { OverdueRepository } from './overdue.repository';
import { OverdueScheduler } from './overdue.scheduler';
import { OVERDUE_STORE } from './ports';
import { RunOverdueSweep } from './run-overdue-sweep.usecase';

@Module({
  providers: [
    OverdueRepository,
    { provide: OVERDUE_STORE, useExisting: OverdueRepository },
    RunOverdueSweep,
    OverdueScheduler,
  ],
  exports: [RunOverdueSweep],
})
export class OverdueModule {}
