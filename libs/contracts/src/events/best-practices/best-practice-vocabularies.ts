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
