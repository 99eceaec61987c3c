import type { CommissionMemberRole, CommonChallenge, CooperationArea } from '@c2c/contracts';
import { COMMISSION_IDS } from '../commissions/commission';
import type { PracticeContent } from '../best-practices/best-practice';

// Demo data: a forum at work, with the demo member cities of the cities service's demo data. The
// people, meetings and figures are illustrative, not the forum's records.

export interface DemoSeat {
  commissionId: string;
  city: string;
  role: CommissionMemberRole;
}

export const DEMO_SEATS: readonly DemoSeat[] = [
  { commissionId: COMMISSION_IDS[1], city: 'Kitakyushu', role: 'chair' },
  { commissionId: COMMISSION_IDS[1], city: 'Surabaya', role: 'vice-chair' },
  { commissionId: COMMISSION_IDS[1], city: 'Busan', role: 'member' },
  { commissionId: COMMISSION_IDS[1], city: 'Da Nang', role: 'member' },
  { commissionId: COMMISSION_IDS[2], city: 'Tehran', role: 'chair' },
  { commissionId: COMMISSION_IDS[2], city: 'Kathmandu', role: 'vice-chair' },
  { commissionId: COMMISSION_IDS[2], city: 'Mashhad', role: 'member' },
  { commissionId: COMMISSION_IDS[2], city: 'Surabaya', role: 'member' },
  { commissionId: COMMISSION_IDS[3], city: 'Almaty', role: 'chair' },
  { commissionId: COMMISSION_IDS[3], city: 'Tehran', role: 'member' },
  { commissionId: COMMISSION_IDS[3], city: 'Da Nang', role: 'member' },
];

/** The Common Challenges commission's first meeting, held in Tehran, and what it adopted. */
export const DEMO_MEETING = {
  commissionId: COMMISSION_IDS[2],
  host: 'Tehran',
  title: 'First meeting of the Common Challenges commission, Tehran',
  startsAt: '2026-05-12T05:30:00Z',
  timeZone: 'Asia/Tehran',
  agenda: [
    { title: 'Opening by the Mayor of Tehran' },
    {
      title: 'Community-based solid waste management',
      description: 'Experiences of Surabaya and Kitakyushu.',
    },
    { title: 'Work plan of the commission for 2026–2027' },
  ],
  attending: ['Tehran', 'Kathmandu', 'Mashhad', 'Surabaya'],
  minutes:
    'The commission heard Surabaya on its waste banks and agreed to collect the member cities’ waste ' +
    'practices in the library before the next meeting. The work plan was adopted as presented.',
  resolution: {
    kind: 'declaration' as const,
    title: 'Tehran Declaration on community-based waste management',
    text:
      'The member cities of the Common Challenges commission commit to reducing the waste they landfill ' +
      'through community-based separation, composting and recycling, and to sharing what works.',
    actions: [
      {
        owner: 'Surabaya',
        description: 'Submit the waste-bank programme to the best-practice library.',
        dueDate: '2026-09-30',
      },
      {
        owner: 'Kathmandu',
        description: 'Host a workshop on solid waste for the South Asian member cities.',
        dueDate: '2027-03-31',
      },
    ],
  },
};

export interface DemoPractice extends PracticeContent {
  city: string;
  /** Published by the commission's officers; the others await review. */
  publishedBy?: string;
}

const tags = (challenges: CommonChallenge[], sdgs: number[], cooperationAreas: CooperationArea[]) => ({
  challenges,
  sdgs,
  cooperationAreas,
});

export const DEMO_PRACTICES: readonly DemoPractice[] = [
  {
    city: 'Kitakyushu',
    publishedBy: COMMISSION_IDS[2],
    title: 'Takakura home composting',
    problem: 'Organic kitchen waste was close to half of what the city incinerated.',
    solution:
      'Households compost in ventilated baskets seeded with a starter of fermented rice bran and leaf ' +
      'mould; community facilitators teach the method street by street.',
    results: 'Household waste fell by about a fifth over five years in the districts that took it up.',
    lessons:
      'Train facilitators before handing out baskets; a basket without a neighbour to ask is abandoned.',
    contact: { name: 'Environment Bureau, waste reduction section', role: 'Programme office' },
    ...tags(['environment', 'urbanization', 'capacity-building'], [11, 12, 13], ['environment-and-climate']),
  },
  {
    city: 'Surabaya',
    publishedBy: COMMISSION_IDS[2],
    title: 'Waste banks: recyclables as savings',
    problem: 'Low-income neighbourhoods had no separate collection, and recyclables ended in the river.',
    solution:
      'Neighbourhood waste banks weigh the recyclables residents bring and credit their value to savings ' +
      'accounts, which pay for health insurance contributions and school costs.',
    results: 'Hundreds of waste banks run by residents; recyclables kept out of the landfill every month.',
    lessons: 'Let residents run the banks; the city sets prices with the recyclers and audits the books.',
    contact: { name: 'Cleanliness and Green Open Space Agency', role: 'Community programmes' },
    ...tags(
      ['poverty-reduction', 'environment', 'social-development'],
      [1, 11, 12],
      ['environment-and-climate', 'social-inclusion'],
    ),
  },
  {
    city: 'Da Nang',
    publishedBy: COMMISSION_IDS[1],
    title: 'Neighbourhood flood early warning',
    problem: 'Typhoon floods reached low-lying wards faster than warnings did.',
    solution:
      'Water-level gauges on the rivers feed text-message warnings to ward leaders, who run evacuation ' +
      'drills with residents before each typhoon season.',
    results: 'Wards evacuate in hours rather than a day; drills are held every year before the season.',
    lessons: null,
    contact: { name: 'Department of Natural Resources and Environment', role: 'Disaster risk unit' },
    ...tags(
      ['urbanization', 'governance'],
      [11, 13],
      ['disaster-risk-reduction', 'smart-city-and-technology'],
    ),
  },
  {
    city: 'Kathmandu',
    title: 'Participatory budgeting in wards',
    problem: 'Ward residents had no say in how small works were chosen.',
    solution: 'Each ward holds open meetings where residents rank the works the ward budget will pay for.',
    results: 'Works chosen in the open, and ward accounts published every quarter.',
    lessons: 'Publish what was done with last year’s ranking before asking for this year’s.',
    contact: { name: 'Metropolitan City Office, planning division', role: 'Ward liaison' },
    ...tags(['governance', 'capacity-building'], [16, 11], ['governance-and-capacity-building']),
  },
];

/** Every demo city the forum above names. */
export const DEMO_CITY_NAMES: readonly string[] = [
  ...new Set([
    ...DEMO_SEATS.map((seat) => seat.city),
    DEMO_MEETING.host,
    ...DEMO_PRACTICES.map((practice) => practice.city),
  ]),
];
