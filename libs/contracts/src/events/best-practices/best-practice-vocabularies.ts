// Vocabularies shared by best-practice events and the commissions service's HTTP validation. A value
// added here changes an event `enum`, which is a breaking change: publish new event versions alongside.

/**
 * The common challenges of Asian cities a best practice is tagged with, in the forum's own words:
 * the urbanization of developing countries and the movement of population from rural areas towards
 * the cities, the root causes of poverty, sustainable economic and social development, and the issues
 * of governance and of economic, social and environmental policy that call for capacity-building at
 * the local level.
 */
export const COMMON_CHALLENGES = [
  'urbanization',
  'rural-urban-migration',
  'poverty-reduction',
  'governance',
  'economic-development',
  'social-development',
  'environment',
  'sustainable-development',
  'capacity-building',
] as const;
/** One of {@link COMMON_CHALLENGES}. */
export type CommonChallenge = (typeof COMMON_CHALLENGES)[number];

/** English label of each common challenge, for catalogues and filters (the id is the contract). */
export const COMMON_CHALLENGE_LABELS: Readonly<Record<CommonChallenge, string>> = {
  urbanization: 'Urbanization',
  'rural-urban-migration': 'Migration from rural areas to cities',
  'poverty-reduction': 'Poverty reduction',
  governance: 'Governance',
  'economic-development': 'Economic development',
  'social-development': 'Social development',
  environment: 'Environment',
  'sustainable-development': 'Sustainable development',
  'capacity-building': 'Capacity building',
};

/**
 * States of a practice in the best-practice library: `submitted` by a city → `published` by a
 * commission officer or the secretariat, or `returned` with comments (then submitted again). Only
 * published practices are in the public library and may be named by a practice transfer.
 */
export const BEST_PRACTICE_STATUSES = ['submitted', 'published', 'returned'] as const;
/** One of {@link BEST_PRACTICE_STATUSES}. */
export type BestPracticeStatus = (typeof BEST_PRACTICE_STATUSES)[number];

/** Short title of each of the 17 UN Sustainable Development Goals, by goal number (1 to 17). */
export const SDG_TITLES: Readonly<Record<number, string>> = {
  1: 'No poverty',
  2: 'Zero hunger',
  3: 'Good health and well-being',
  4: 'Quality education',
  5: 'Gender equality',
  6: 'Clean water and sanitation',
  7: 'Affordable and clean energy',
  8: 'Decent work and economic growth',
  9: 'Industry, innovation and infrastructure',
  10: 'Reduced inequalities',
  11: 'Sustainable cities and communities',
  12: 'Responsible consumption and production',
  13: 'Climate action',
  14: 'Life below water',
  15: 'Life on land',
  16: 'Peace, justice and strong institutions',
  17: 'Partnerships for the goals',
};
