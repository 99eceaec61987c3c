import { Inject, Injectable } from '@nestjs/common';
import { Outbox } from '@c2c/messaging';
import type { Tx } from '@c2c/persistence';
import { Partnership } from './partnership';
import { PartnershipError } from './partnership.errors';
import { Actor, eventOf } from './partnership.events';
import type { HistoryEntry, PartnershipChange, PartnershipState } from './partnership.types';
import { PARTNERSHIP_STORE, type EventOutbox, type PartnershipStore } from './usecases/ports';

/**
 * Loads a partnership for a change and records the change: the new state at the next version, one
 * history row and one outbox event per change, all in the caller's transaction, so the history and
 * the events exist if and only if the state change does.
 */
@Injectable()
export class PartnershipChangesRecorder {
  constructor(
    @Inject(PARTNERSHIP_STORE) private readonly store: PartnershipStore,
    @Inject(Outbox) private readonly outbox: EventOutbox,
  ) {}

  /**
   * The partnership, locked for this transaction. Refuses one that does not exist, and one no longer
   * at `expectedVersion` when the caller named the version it saw.
   */
  async loadForChange(tx: Tx, id: string, expectedVersion?: number): Promise<Partnership> {
    const state = await this.store.findForUpdate(tx, id);
    if (state === null) throw PartnershipError.notFound(id);
    if (expectedVersion !== undefined && expectedVersion !== state.version) {
      throw PartnershipError.versionMismatch(id, state.version);
    }
    return Partnership.restore(state);
  }

  /** Records a partnership's changes; returns the state as stored. */
  async record(
    tx: Tx,
    partnership: Partnership,
    changes: PartnershipChange[],
    actor: Actor,
    options: { created?: boolean } = {},
  ): Promise<PartnershipState> {
    const state = partnership.toState();
    state.version += 1;
    if (options.created) await this.store.insert(tx, state);
    else await this.store.update(tx, state);
    const history: HistoryEntry[] = [];
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
    await this.store.appendHistory(tx, history);
    return state;
  }
}
