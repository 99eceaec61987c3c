import { type EventData, isUuid } from '@c2c/contracts';
import type { AuthenticatedUser } from '@c2c/auth';
import type { Tx } from '@c2c/persistence';
import { CITY_ARCHIVED_REASON, dayOf, type Membership, type MembershipRequest } from './commission';
import type { CommissionStore, EventOutbox } from './usecases/ports';

// The contract event of each change, built from the domain objects. Events are keyed by commission:
// one commission's membership changes stay in order on c2c.commissions.v1.

/**
 * The user to name in an event, when it can be named: the contracts carry user ids as uuids, and a
 * subject from an external identity provider need not be one. Such a decision goes out without it
 * rather than not at all.
 */
export const userRef = (user: AuthenticatedUser): string | undefined =>
  isUuid(user.userId) ? user.userId : undefined;

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

export const membershipRequestedData = (
  request: MembershipRequest,
  actorId: string | undefined,
): EventData<'c2c.commission.membership-requested.v1'> => ({
  commissionId: request.commissionId,
  requestId: request.id,
  cityId: request.cityId,
  motivation: request.motivation,
  requestedAt: request.createdAt.toISOString(),
  ...optional('actorId', actorId),
});

export const memberAdmittedData = (
  membership: Membership,
  requestId: string,
  decidedBy: string | undefined,
): EventData<'c2c.commission.member-admitted.v1'> => ({
  commissionId: membership.commissionId,
  requestId,
  cityId: membership.cityId,
  role: membership.role,
  since: membership.since,
  ...optional('decidedBy', decidedBy),
});

/** A rejection, or a pending request the platform ended because the city was archived. */
export const membershipRejectedData = (
  request: MembershipRequest,
  decidedBy: string | undefined,
): EventData<'c2c.commission.membership-rejected.v1'> => ({
  commissionId: request.commissionId,
  requestId: request.id,
  cityId: request.cityId,
  reason: request.reason ?? CITY_ARCHIVED_REASON,
  ...optional('decidedBy', decidedBy),
});

export const memberLeftData = (
  membership: Membership,
  reason: EventData<'c2c.commission.member-left.v1'>['reason'],
): EventData<'c2c.commission.member-left.v1'> => ({
  commissionId: membership.commissionId,
  cityId: membership.cityId,
  reason,
  leftOn: dayOf(membership.endedAt ?? membership.updatedAt),
});

/** Writes `chair-changed` with the whole bureau as it stands in this transaction. */
export async function addChairChanged(
  outbox: EventOutbox,
  commissions: CommissionStore,
  tx: Tx,
  commissionId: string,
  changedBy: string | undefined,
): Promise<void> {
  const view = await commissions.findView(commissionId, tx);
  if (view === null) return;
  await outbox.add(
    tx,
    'c2c.commission.chair-changed.v1',
    {
      commissionId,
      chairCityId: view.chairCityId,
      viceChairCityIds: view.viceChairCityIds,
      ...optional('changedBy', changedBy),
    },
    { aggregateId: commissionId },
  );
}
