import { randomUUID } from 'node:crypto';
import type {
  CooperationArea,
  PartnershipActivity,
  PartnershipSnapshot,
  PartnershipType,
} from '@c2c/contracts';
import { ActivityInput, Agreement, PartnershipState } from './partnership.model';

// The aggregate's state in and out: a new proposal's state, and the contract shapes events carry.

export interface ProposalInput {
  type: PartnershipType;
  title: string;
  description?: string;
  /** Proposer first; names and countries as the city model knows them. */
  participants: { cityId: string; name: string; countryCode: string }[];
  cooperationAreas: CooperationArea[];
  sdgTags?: number[];
  startDate?: string;
  endDate?: string;
  agreement?: Agreement;
}

/** A proposal as first stored: the proposer has accepted by proposing. */
export function proposedState(input: ProposalInput, at: Date): PartnershipState {
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
    version: 0,
    createdAt: at,
    updatedAt: at,
  };
}

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
