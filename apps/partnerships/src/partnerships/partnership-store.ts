import { Injectable } from '@nestjs/common';
import { Outbox } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { HistoryEntity } from './history.entity';
import { Partnership } from './partnership';
import { PartnershipError } from './partnership.errors';
import { PartnershipChange, PartnershipState } from './partnership.model';
import { Actor, eventOf } from './partnership-events';
import { PartnershipsRepository } from './partnerships.repository';

/**
 * Loads partnerships for a change and commits the change: the new state, one history row and one
 * outbox event per change, all in the caller's transaction, so the history and the events exist if
 * and only if the state change does.
 */
@Injectable()
export class PartnershipStore {
  constructor(
    private readonly partnerships: PartnershipsRepository,
    private readonly outbox: Outbox,
  ) {}

  /** The partnership, locked for this transaction; PartnershipError.notFound when there is none. */
  async lock(tx: Tx, id: string): Promise<Partnership> {
    const state = await this.partnerships.lock(tx, id);
    if (state === null) throw PartnershipError.notFound(id);
    return Partnership.restore(state);
  }

  /** Commits a partnership's changes; returns the state as stored. */
  async record(
    tx: Tx,
    partnership: Partnership,
    changes: PartnershipChange[],
    actor: Actor,
    options: { created?: boolean } = {},
  ): Promise<PartnershipState> {
    const state = partnership.toState();
    state.version += 1;
    if (options.created) await this.partnerships.insert(tx, state);
    else await this.partnerships.update(tx, state);
    const history: Omit<HistoryEntity, 'id'>[] = [];
    for (const change of changes) {
      const event = eventOf(change, actor);
      const envelope = await this.outbox.add(tx, event.type, event.data, {
        aggregateId: state.id,
        time: change.at,
      });
      history.push({
        partnershipId: state.id,
        at: change.at,
        action: change.kind,
        fromStatus: change.from,
        toStatus: change.to,
        actorId: actor.userId,
        cityId: change.cityId ?? actor.cityId ?? null,
        reason: change.reason ?? null,
        eventId: envelope.id,
      });
    }
    await this.partnerships.appendHistory(tx, history);
    return state;
  }
}
