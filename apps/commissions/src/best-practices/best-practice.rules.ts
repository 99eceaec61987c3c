import type { Tx } from '@c2c/persistence';
import { CommissionError } from '../commissions/commission.errors';
import type { CityStore, CommissionStore } from '../commissions/usecases/ports';
import type { Review } from './best-practice';
import type { BestPractice } from './best-practice';
import type { BestPracticeStore } from './ports';

/** A practice is a known city's, and not an archived one's; the city's record is held until the end. */
export async function assertCityMaySubmit(cities: CityStore, tx: Tx, cityId: string): Promise<void> {
  const city = await cities.lockForDecision(tx, cityId);
  if (city === null || city.name === null) {
    throw CommissionError.cityUnknown(cityId, 'this service does not know the city (yet)');
  }
  if (city.archivedAt !== null) throw CommissionError.cityUnknown(cityId, 'the city is archived');
}

/** The practice, locked, at the version the caller expects (when it says one); 404 when there is none. */
export async function loadPractice(
  practices: BestPracticeStore,
  tx: Tx,
  id: string,
  expectedVersion: number | undefined,
): Promise<BestPractice> {
  const practice = await practices.findForUpdate(tx, id);
  if (practice === null) throw CommissionError.practiceNotFound(id);
  if (expectedVersion !== undefined && expectedVersion !== practice.version) {
    throw CommissionError.versionMismatch(`best practice ${id}`, practice.version);
  }
  return practice;
}

/** A review for a commission names one that exists: a 400 naming `commissionId` otherwise. */
export async function assertReviewCommission(
  commissions: CommissionStore,
  tx: Tx,
  review: Review,
): Promise<void> {
  if (review.commissionId === null) return;
  if ((await commissions.findView(review.commissionId, tx)) !== null) return;
  throw CommissionError.rules([{ field: 'commissionId', message: 'there is no such commission' }]);
}
