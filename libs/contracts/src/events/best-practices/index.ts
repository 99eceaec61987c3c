import { bestPracticePublishedV1 } from './best-practice-published.event';
import { bestPracticeReturnedV1 } from './best-practice-returned.event';
import { bestPracticeSubmittedV1 } from './best-practice-submitted.event';

/** Every best-practice event on `c2c.commissions.v1` (key: practice id), in lifecycle order. */
export const BEST_PRACTICE_EVENTS = [
  bestPracticeSubmittedV1,
  bestPracticePublishedV1,
  bestPracticeReturnedV1,
] as const;
