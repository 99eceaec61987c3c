import { Injectable } from '@nestjs/common';
import type { Tx } from '@c2c/persistence';
import { BestPracticeModelRepository } from './best-practice-model.repository';
import { type BestPracticeEvent, type BestPracticeRecord, recordOf } from './best-practice-projection';

/**
 * The service's local knowledge of the best-practice library: fed by the commissions service's events,
 * asked when a practice transfer names a practice.
 */
@Injectable()
export class BestPracticeModel {
  constructor(private readonly practices: BestPracticeModelRepository) {}

  /** Applies an event in the consumer's transaction; true when it changed the model. */
  apply(tx: Tx, event: BestPracticeEvent): Promise<boolean> {
    return this.practices.save(tx, recordOf(event));
  }

  /** The practice as last heard of (in `tx` when given); null when unknown. */
  find(practiceId: string, tx?: Tx): Promise<BestPracticeRecord | null> {
    return this.practices.find(practiceId, tx);
  }
}
