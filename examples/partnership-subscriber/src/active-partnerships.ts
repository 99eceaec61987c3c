import type { EventEnvelopeOfTopic, PartnershipSnapshot } from '@c2c/contracts';

/** Any event of `c2c.partnerships.v1`, typed and validated by the contracts library. */
export type PartnershipEvent = EventEnvelopeOfTopic<'c2c.partnerships.v1'>;

/** What applying one event did. */
export type Outcome = 'duplicate' | 'stale' | 'applied';

/**
 * This subscriber's own read model: the partnerships that are active now. Every partnership event
 * carries the whole partnership as it stands after the event, so any event is enough to update it;
 * nothing is ever asked of the partnerships service.
 *
 * Delivery is at least once: an event can arrive twice with the same `ce_id` (skipped here), and a
 * subscriber that reprocesses from an earlier offset sees older events again; `ce_sequence` (per
 * partnership, increasing) tells which snapshot is newer. A persistent subscriber keeps both the seen
 * ids and the last sequences in the same database transaction as its state.
 */
export class ActivePartnerships {
  private readonly active = new Map<string, PartnershipSnapshot>();
  private readonly lastSequence = new Map<string, number>();
  private readonly seen = new Set<string>();

  apply(event: PartnershipEvent): Outcome {
    if (this.seen.has(event.id)) return 'duplicate';
    this.seen.add(event.id);
    const { partnership } = event.data;
    const id = partnership.partnershipId;
    if ((this.lastSequence.get(id) ?? 0) >= event.sequence) return 'stale';
    this.lastSequence.set(id, event.sequence);
    if (partnership.status === 'active') this.active.set(id, partnership);
    else this.active.delete(id);
    return 'applied';
  }

  /** The active partnerships, by title. */
  list(): PartnershipSnapshot[] {
    return [...this.active.values()].sort((a, b) => a.title.localeCompare(b.title));
  }

  ids(): string[] {
    return [...this.active.keys()].sort();
  }
}
