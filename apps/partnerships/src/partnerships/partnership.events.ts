import { EventData, EventTypesOf, isUuid } from '@c2c/contracts';
import type { PartnershipChange } from './partnership.types';

/** Who caused a change: a user acting (for a city, when a city officer), or the platform (null). */
export interface Actor {
  userId: string | null;
  cityId?: string;
}

export const PLATFORM_ACTOR: Actor = Object.freeze({ userId: null });

type PartnershipEventType = EventTypesOf<'c2c.partnerships.v1'>;

/** An event ready for the outbox, its data tied to its type. */
export type PartnershipEvent = {
  [T in PartnershipEventType]: { type: T; data: EventData<T> };
}[PartnershipEventType];

/**
 * Events carry a user id only when it is a uuid (the contract's format); an external identity
 * provider's subject stays in the history instead.
 */
function actorIdOf(actor: Actor): { actorId?: string } {
  return actor.userId !== null && isUuid(actor.userId) ? { actorId: actor.userId } : {};
}

/** The platform acting is stated as `actorId: null`, which the contract reads as "no user". */
function reasonedActor(actor: Actor): { actorId?: string | null } {
  return actor.userId === null ? { actorId: null } : actorIdOf(actor);
}

/** The contract event of one change. */
export function eventOf(change: PartnershipChange, actor: Actor): PartnershipEvent {
  const partnership = change.snapshot;
  const reason = change.reason === undefined ? {} : { reason: change.reason };
  switch (change.kind) {
    case 'proposed':
      return { type: 'c2c.partnership.proposed.v1', data: { partnership, ...actorIdOf(actor) } };
    case 'accepted':
      return {
        type: 'c2c.partnership.accepted.v1',
        data: { partnership, cityId: change.cityId, ...actorIdOf(actor) },
      };
    case 'activated':
      return { type: 'c2c.partnership.activated.v1', data: { partnership } };
    case 'declined':
      return {
        type: 'c2c.partnership.declined.v1',
        data: { partnership, cityId: change.cityId, ...actorIdOf(actor), ...reason },
      };
    case 'withdrawn':
      return {
        type: 'c2c.partnership.withdrawn.v1',
        data: { partnership, reason: change.reason, ...reasonedActor(actor) },
      };
    case 'suspended':
      return {
        type: 'c2c.partnership.suspended.v1',
        data: { partnership, reason: change.reason, ...reasonedActor(actor) },
      };
    case 'resumed':
      return {
        type: 'c2c.partnership.resumed.v1',
        data: { partnership, reason: change.reason, ...reasonedActor(actor) },
      };
    case 'terminated':
      return {
        type: 'c2c.partnership.terminated.v1',
        data: { partnership, reason: change.reason, ...reasonedActor(actor) },
      };
    case 'expired':
      return { type: 'c2c.partnership.expired.v1', data: { partnership, expiredOn: change.expiredOn } };
    case 'dormant':
      return {
        type: 'c2c.partnership.dormant.v1',
        data: {
          partnership,
          lastActivityOn: change.lastActivityOn,
          monthsWithoutActivity: change.monthsWithoutActivity,
        },
      };
    case 'renewal-due':
      return {
        type: 'c2c.partnership.renewal-due.v1',
        data: { partnership, endDate: change.endDate, daysRemaining: change.daysRemaining },
      };
    case 'activity-recorded':
      return {
        type: 'c2c.partnership.activity-recorded.v1',
        data: { partnership, activity: change.activity },
      };
    default: {
      const unhandled: never = change;
      throw new Error(`no event for change ${(unhandled as { kind: string }).kind}`);
    }
  }
}
