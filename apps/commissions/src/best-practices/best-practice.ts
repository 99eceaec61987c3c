// The best-practice library's domain: plain types and rules, no Nest, no TypeORM.
import {
  BEST_PRACTICE_STATUSES,
  type BestPracticeStatus,
  type CommonChallenge,
  type CooperationArea,
} from '@c2c/contracts';

export { BEST_PRACTICE_STATUSES, type BestPracticeStatus };

/** Who to ask about the practice. Name and role are public; e-mail and phone only for officers. */
export interface PracticeContact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}

/** What a city writes about its practice: the parts a city officer submits and revises. */
export interface PracticeContent {
  title: string;
  problem: string;
  solution: string;
  results: string;
  lessons: string | null;
  contact: PracticeContact;
  challenges: CommonChallenge[];
  sdgs: number[];
  cooperationAreas: CooperationArea[];
}

export interface BestPractice extends PracticeContent {
  id: string;
  cityId: string;
  status: BestPracticeStatus;
  submittedBy: string;
  /** The last review: who published or returned it, for which commission (none: the secretariat). */
  reviewedBy: string | null;
  reviewCommissionId: string | null;
  /** The comments it was last returned with; kept after a resubmission so the reviewer sees them. */
  comments: string | null;
  publishedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A partnership that transferred a practice, as the partnerships topic told it. */
export interface PracticeTransfer {
  activityId: string;
  practiceId: string;
  partnershipId: string;
  partnershipTitle: string;
  sourceCityId: string;
  adoptingCityId: string;
  startDate: string;
}

/** A published practice and the partnerships that transferred it. */
export interface BestPracticePage {
  practice: BestPractice;
  transfers: PracticeTransfer[];
}

/** Only a published practice is in the public library; the others are seen by who may act on them. */
export const isPublished = (practice: BestPractice): boolean => practice.status === 'published';

export function submitAgain(practice: BestPractice, content: PracticeContent, at: Date): BestPractice {
  return { ...practice, ...content, status: 'submitted', version: practice.version + 1, updatedAt: at };
}

export interface Review {
  reviewedBy: string;
  commissionId: string | null;
}

export function publish(practice: BestPractice, review: Review, at: Date): BestPractice {
  return {
    ...practice,
    status: 'published',
    reviewedBy: review.reviewedBy,
    reviewCommissionId: review.commissionId,
    publishedAt: at,
    version: practice.version + 1,
    updatedAt: at,
  };
}

export function returnWithComments(
  practice: BestPractice,
  review: Review,
  comments: string,
  at: Date,
): BestPractice {
  return {
    ...practice,
    status: 'returned',
    reviewedBy: review.reviewedBy,
    reviewCommissionId: review.commissionId,
    comments,
    version: practice.version + 1,
    updatedAt: at,
  };
}
