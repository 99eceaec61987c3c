import type { BestPracticeSummary, EventData } from '@c2c/contracts';
import type { BestPractice } from './best-practice';

// The contract event of each change, built from the domain object; keyed by practice, so a practice's
// submissions and reviews reach subscribers in the order they happened.

const summaryOf = (p: BestPractice): BestPracticeSummary => ({
  practiceId: p.id,
  cityId: p.cityId,
  title: p.title,
  challenges: p.challenges,
  sdgs: p.sdgs,
  cooperationAreas: p.cooperationAreas,
});

export const practiceSubmittedData = (p: BestPractice): EventData<'c2c.best-practice.submitted.v1'> =>
  summaryOf(p);

export const practicePublishedData = (p: BestPractice): EventData<'c2c.best-practice.published.v1'> => ({
  ...summaryOf(p),
  ...(p.reviewCommissionId === null ? {} : { commissionId: p.reviewCommissionId }),
  publishedAt: (p.publishedAt ?? p.updatedAt).toISOString(),
});

export const practiceReturnedData = (
  p: BestPractice,
  comments: string,
): EventData<'c2c.best-practice.returned.v1'> => ({ ...summaryOf(p), comments });
