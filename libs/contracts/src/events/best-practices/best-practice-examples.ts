import { EXAMPLE_IDS } from '../example-data';
import type { BestPracticeSummary } from './best-practice-fields.schema';

/** The practice of the examples: Kitakyushu's Takakura home composting, later adapted by Surabaya. */
export function exampleBestPractice(): BestPracticeSummary {
  return {
    practiceId: EXAMPLE_IDS.bestPractice,
    cityId: EXAMPLE_IDS.kitakyushu,
    title: 'Takakura home composting',
    challenges: ['urbanization', 'environment', 'capacity-building'],
    sdgs: [11, 12, 13],
    cooperationAreas: ['environment-and-climate', 'governance-and-capacity-building'],
  };
}
