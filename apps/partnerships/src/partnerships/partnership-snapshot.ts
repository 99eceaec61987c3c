import { randomUUID } from 'node:crypto';
import type { PartnershipActivity, PartnershipSnapshot } from '@c2c/contracts';
import type { ActivityInput, PartnershipState } from './partnership.types';

// The contract shapes the aggregate hands to its events: the partnership as every event carries it,
// and a new activity.

/** The partnership as every event carries it. */
export function snapshotOf(s: PartnershipState): PartnershipSnapshot {
  return {
    partnershipId: s.id,
    type: s.type,
    title: s.title,
    status: s.status,
    participants: s.participants.map((p) => ({
      cityId: p.cityId,
      name: p.name,
      countryCode: p.countryCode,
      role: p.role,
      acceptedAt: p.acceptedAt?.toISOString() ?? null,
    })),
    cooperationAreas: [...s.cooperationAreas],
    sdgTags: [...s.sdgTags],
    startDate: s.startDate,
    endDate: s.endDate,
  };
}

/** A new activity with its id; absent optional fields are left out, not sent as undefined. */
export function activityOf(input: ActivityInput): PartnershipActivity {
  return {
    activityId: randomUUID(),
    kind: input.kind,
    title: input.title,
    startDate: input.startDate,
    endDate: input.endDate,
    participatingCityIds: [...input.participatingCityIds],
    ...(input.outcomes === undefined ? {} : { outcomes: input.outcomes }),
    ...(input.practiceTransfer === undefined ? {} : { practiceTransfer: { ...input.practiceTransfer } }),
  };
}
