import { actsForCity, type AuthenticatedUser, hasRole } from '@c2c/auth';
import { BEST_PRACTICE_STATUSES, type BestPracticeStatus } from '@c2c/contracts';
import { CommissionError } from '../commissions/commission.errors';
import { assertActsForCommission } from '../commissions/commission.policy';
import type { BestPractice, Review } from './best-practice';

// Who sees and reviews which practice. A published practice is the forum's: every signed-in role
// reads it. Before that it is between its city and its reviewers.

/** Reviewers: the secretariat and every commission officer (a practice belongs to no commission). */
const isReviewer = (user: AuthenticatedUser): boolean => hasRole(user, 'secretariat', 'commission-officer');

/** The statuses of a city's practices (or of every city's, without one) that the caller may see. */
export function visibleStatuses(user: AuthenticatedUser, cityId: string | undefined): BestPracticeStatus[] {
  if (isReviewer(user)) return [...BEST_PRACTICE_STATUSES];
  if (cityId !== undefined && hasRole(user, 'city-officer') && actsForCity(user, cityId)) {
    return [...BEST_PRACTICE_STATUSES];
  }
  return ['published'];
}

export const maySee = (user: AuthenticatedUser, practice: BestPractice): boolean =>
  visibleStatuses(user, practice.cityId).includes(practice.status);

/**
 * The review a caller makes, and for which commission: the secretariat for none unless it names one;
 * a commission officer for the one it names, or its only one when it names none.
 */
export function reviewBy(user: AuthenticatedUser, commissionId: string | undefined): Review {
  if (hasRole(user, 'secretariat')) return { reviewedBy: user.userId, commissionId: commissionId ?? null };
  if (!hasRole(user, 'commission-officer')) {
    throw CommissionError.forbidden('only the secretariat or a commission officer reviews best practices');
  }
  const named = commissionId ?? (user.commissionIds.length === 1 ? user.commissionIds[0] : undefined);
  if (named === undefined) {
    throw CommissionError.rules([
      {
        field: 'commissionId',
        message: 'a commission officer of several commissions names the one it reviews for',
      },
    ]);
  }
  assertActsForCommission(user, named, 'review best practices for it');
  return { reviewedBy: user.userId, commissionId: named };
}
