import { EXAMPLE_IDS } from '../example-data';
import type { PartnershipSnapshot } from './partnership-snapshot.schema';

const SURABAYA_ACCEPTED = '2026-03-10T04:00:00Z';
const KITAKYUSHU_ACCEPTED = '2026-03-24T01:30:00Z';

/** An active partnership snapshot for examples; each event overrides what differs. */
export function examplePartnership(overrides: Partial<PartnershipSnapshot> = {}): PartnershipSnapshot {
  return {
    partnershipId: EXAMPLE_IDS.partnership,
    type: 'sister-city',
    title: 'Surabaya–Kitakyushu Green Sister City',
    status: 'active',
    participants: [
      {
        cityId: EXAMPLE_IDS.surabaya,
        name: 'Surabaya',
        countryCode: 'ID',
        role: 'proposer',
        acceptedAt: SURABAYA_ACCEPTED,
      },
      {
        cityId: EXAMPLE_IDS.kitakyushu,
        name: 'Kitakyushu',
        countryCode: 'JP',
        role: 'partner',
        acceptedAt: KITAKYUSHU_ACCEPTED,
      },
    ],
    cooperationAreas: ['environment-and-climate', 'water-and-sanitation', 'governance-and-capacity-building'],
    sdgTags: [6, 11, 12, 13],
    startDate: '2026-04-01',
    endDate: '2031-03-31',
    ...overrides,
  };
}

/** The same partnership before Kitakyushu accepted. */
export function exampleProposedPartnership(
  overrides: Partial<PartnershipSnapshot> = {},
): PartnershipSnapshot {
  const active = examplePartnership();
  return {
    ...active,
    status: 'proposed',
    participants: active.participants.map((p) => (p.role === 'partner' ? { ...p, acceptedAt: null } : p)),
    ...overrides,
  };
}
