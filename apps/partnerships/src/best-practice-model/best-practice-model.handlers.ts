import { Injectable } from '@nestjs/common';
import type { EventEnvelopeOf } from '@c2c/contracts';
import { HandlesEvent } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { BestPracticeModel } from './best-practice-model.service';

/**
 * Keeps the best-practice model up to date from `c2c.commissions.v1`. Every step of a practice is
 * applied, not only its publication, so a practice returned or submitted again after it was published
 * stops being one a transfer may name.
 */
@Injectable()
export class BestPracticeModelHandlers {
  constructor(private readonly model: BestPracticeModel) {}

  @HandlesEvent('c2c.best-practice.submitted.v1')
  async onSubmitted(event: EventEnvelopeOf<'c2c.best-practice.submitted.v1'>, tx: Tx): Promise<void> {
    await this.model.apply(tx, event);
  }

  @HandlesEvent('c2c.best-practice.published.v1')
  async onPublished(event: EventEnvelopeOf<'c2c.best-practice.published.v1'>, tx: Tx): Promise<void> {
    await this.model.apply(tx, event);
  }

  @HandlesEvent('c2c.best-practice.returned.v1')
  async onReturned(event: EventEnvelopeOf<'c2c.best-practice.returned.v1'>, tx: Tx): Promise<void> {
    await this.model.apply(tx, event);
  }
}
