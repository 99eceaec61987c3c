import { randomUUID } from 'node:crypto';
import type { PartnershipSnapshot } from '@c2c/contracts';
import { citiesOutsideActivity } from './activity.rules';
import { addDays, dayOf, daysBetween, wholeMonthsBetween } from './calendar';
import { PartnershipError } from './partnership.errors';
import { activityOf, snapshotOf } from './partnership-snapshot';
import {
  assertAllowed,
  InvalidTransition,
  nextStatus,
  PartnershipAction,
  Transition,
} from './partnership.state-machine';
import type {
  ActivityInput,
  ChangeKind,
  Participant,
  PartnershipChange,
  PartnershipState,
  ProposalInput,
} from './partnership.types';

type ReasonedKind = 'withdrawn' | 'suspended' | 'resumed' | 'terminated';

/** A proposal as first stored: the proposer has accepted by proposing. */
function proposedState(input: ProposalInput, at: Date): PartnershipState {
  const [proposer] = input.participants;
  if (proposer === undefined) throw new Error('a proposal needs its participants');
  return {
    id: randomUUID(),
    type: input.type,
    title: input.title,
    description: input.description ?? null,
    status: 'proposed',
    proposerCityId: proposer.cityId,
    participants: input.participants.map((city, index) => ({
      ...city,
      role: index === 0 ? 'proposer' : 'partner',
      acceptedAt: index === 0 ? at : null,
    })),
    cooperationAreas: input.cooperationAreas,
    sdgTags: input.sdgTags ?? [],
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    agreement: input.agreement ?? null,
    activatedAt: null,
    lastActivityOn: null,
    dormantSince: null,
    renewalRemindedFor: null,
    // The first record makes it version 1, the ETag of the proposal.
    version: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The partnership aggregate: its state machine, guards and what each step changes. Every method either
 * throws (PartnershipError) or returns the changes it made, each with the snapshot as it stands after
 * that change, for the history and the events.
 */
export class Partnership {
  private constructor(private state: PartnershipState) {}

  static restore(state: PartnershipState): Partnership {
    return new Partnership(structuredClone(state));
  }

  /** A new proposal; the proposer has accepted by proposing. */
  static propose(input: ProposalInput, at: Date): { partnership: Partnership; change: PartnershipChange } {
    const [proposer] = input.participants;
    if (proposer === undefined) throw new Error('a proposal needs its participants');
    const partnership = new Partnership(proposedState(input, at));
    return { partnership, change: partnership.change('proposed', null, at, { cityId: proposer.cityId }) };
  }

  get id(): string {
    return this.state.id;
  }

  get status() {
    return this.state.status;
  }

  get proposerCityId(): string {
    return this.state.proposerCityId;
  }

  get participants(): readonly Participant[] {
    return this.state.participants;
  }

  /** The version last stored; a change is recorded as the next one. */
  get version(): number {
    return this.state.version;
  }

  toState(): PartnershipState {
    return structuredClone(this.state);
  }

  accept(cityId: string, at: Date): PartnershipChange[] {
    this.guard('accept');
    const participant = this.participant(cityId);
    if (participant.acceptedAt !== null) {
      throw PartnershipError.conflict(`city ${cityId} has already accepted`, this.state.status);
    }
    participant.acceptedAt = at;
    // The acceptance is its own event, with the status still `proposed`; activation follows it.
    const changes = [this.change('accepted', this.state.status, at, { cityId })];
    if (this.state.participants.every((p) => p.acceptedAt !== null)) {
      this.state.activatedAt = at;
      changes.push(this.transition('activate', 'activated', at, {}));
    }
    return changes;
  }

  decline(cityId: string, reason: string | undefined, at: Date): PartnershipChange {
    this.guard('decline');
    if (this.participant(cityId).role === 'proposer') {
      throw PartnershipError.rules([
        { field: 'cityId', message: 'the proposer withdraws its proposal rather than declining it' },
      ]);
    }
    return this.transition('decline', 'declined', at, {
      cityId,
      ...(reason === undefined ? {} : { reason }),
    });
  }

  withdraw(reason: string, at: Date): PartnershipChange {
    return this.reasoned('withdraw', 'withdrawn', reason, at);
  }

  suspend(reason: string, at: Date): PartnershipChange {
    return this.reasoned('suspend', 'suspended', reason, at);
  }

  resume(reason: string, at: Date): PartnershipChange {
    return this.reasoned('resume', 'resumed', reason, at);
  }

  terminate(reason: string, at: Date): PartnershipChange {
    return this.reasoned('terminate', 'terminated', reason, at);
  }

  /** The end date has passed: the partnership expires on the day after it. */
  expire(today: string, at: Date): PartnershipChange {
    this.guard('expire');
    const { endDate } = this.state;
    if (endDate === null || today <= endDate)
      throw new Error(`partnership ${this.id} has not reached its end`);
    const expiredOn = addDays(endDate, 1);
    const change = this.transition('expire', 'expired', at, { reason: 'the end date passed' });
    return { ...change, kind: 'expired', expiredOn };
  }

  /** The day dormancy is counted from: the latest activity, or the activation. */
  get activityReference(): string | null {
    return this.state.lastActivityOn ?? (this.state.activatedAt ? dayOf(this.state.activatedAt) : null);
  }

  flagDormant(today: string, at: Date): PartnershipChange {
    this.guard('flag-dormant');
    this.state.dormantSince = today;
    const reference = this.activityReference ?? today;
    const months = wholeMonthsBetween(reference, today);
    const change = this.change('dormant', this.state.status, at, {
      reason: `no activity for ${months} months`,
    });
    return {
      ...change,
      kind: 'dormant',
      lastActivityOn: this.state.lastActivityOn,
      monthsWithoutActivity: months,
    };
  }

  remindRenewal(today: string, at: Date): PartnershipChange {
    this.guard('remind-renewal');
    const { endDate } = this.state;
    if (endDate === null) throw new Error(`partnership ${this.id} has no end date`);
    this.state.renewalRemindedFor = endDate;
    const daysRemaining = Math.max(0, daysBetween(today, endDate));
    const change = this.change('renewal-due', this.state.status, at, { reason: `ends on ${endDate}` });
    return { ...change, kind: 'renewal-due', endDate, daysRemaining };
  }

  recordActivity(input: ActivityInput, at: Date): PartnershipChange {
    this.guard('record-activity');
    const outsiders = citiesOutsideActivity(
      input,
      this.state.participants.map((participant) => participant.cityId),
    );
    if (outsiders.length > 0) throw PartnershipError.notParticipants(outsiders);
    const activity = activityOf(input);
    const lastDay = input.endDate ?? input.startDate;
    if (this.state.lastActivityOn === null || lastDay > this.state.lastActivityOn)
      this.state.lastActivityOn = lastDay;
    // Any new activity ends a dormancy.
    this.state.dormantSince = null;
    const change = this.change('activity-recorded', this.state.status, at, { reason: input.title });
    return { ...change, kind: 'activity-recorded', activity };
  }

  snapshot(): PartnershipSnapshot {
    return snapshotOf(this.state);
  }

  private participant(cityId: string): Participant {
    const participant = this.state.participants.find((p) => p.cityId === cityId);
    if (participant === undefined) {
      throw PartnershipError.rules([
        { field: 'cityId', message: `city ${cityId} does not take part in this partnership` },
      ]);
    }
    return participant;
  }

  private guard(action: PartnershipAction): void {
    try {
      assertAllowed(action, this.state.status);
    } catch (error) {
      if (error instanceof InvalidTransition) throw PartnershipError.invalidTransition(error);
      throw error;
    }
  }

  private reasoned(transition: Transition, kind: ReasonedKind, reason: string, at: Date): PartnershipChange {
    const change = this.transition(transition, kind, at, { reason });
    return { ...change, kind, reason };
  }

  private transition(
    transition: Transition,
    kind: ChangeKind,
    at: Date,
    about: { cityId?: string; reason?: string },
  ): PartnershipChange {
    this.guard(transition);
    const from = this.state.status;
    this.state.status = nextStatus(from, transition);
    return this.change(kind, from, at, about);
  }

  private change(
    kind: ChangeKind,
    from: PartnershipChange['from'],
    at: Date,
    about: { cityId?: string; reason?: string },
  ): PartnershipChange {
    this.state.updatedAt = at;
    // Narrowed to the plain kinds; callers with extra fields spread them over this.
    return {
      kind,
      from,
      to: this.state.status,
      at,
      ...about,
      snapshot: this.snapshot(),
    } as PartnershipChange;
  }
}
