import { Module } from '@nestjs/common';
import { BestPracticeModelHandlers } from './best-practice-model.handlers';
import { BestPracticeModelRepository } from './best-practice-model.repository';
import { BestPracticeModel } from './best-practice-model.service';

/**
 * The read model of the best-practice library from `c2c.commissions.v1`: {@link BestPracticeModel} to
 * ask and the handlers that keep it. Needs `BestPracticeRecordEntity` among the data source's entities
 * and its migration among the schema's.
 */
@Module({
  providers: [BestPracticeModelRepository, BestPracticeModel, BestPracticeModelHandlers],
  exports: [BestPracticeModel],
})
export class BestPracticeModelModule {}
