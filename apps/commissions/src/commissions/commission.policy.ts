import { actsForCity, actsForCommission, type AuthenticatedUser, hasRole } from '@c2c/auth';
import { CommissionError } from './commission.errors';

// Object-level rules; route-level roles (who may write at all) are on the controllers. They throw the
// feature's own error, so use cases refuse in domain terms like every other refusal.

/** The secretariat for any city, a city officer for its own. */
export function assertActsForCity(user: AuthenticatedUser, cityId: string, action: string): void {
  if (actsForCity(user, cityId)) return;
  throw CommissionError.forbidden(
    hasRole(user, 'city-officer')
      ? `a city officer acts only for its own city: it may not ${action} for city ${cityId}`
      : `only the secretariat or an officer of city ${cityId} may ${action} for it`,
  );
}

/** The secretariat for any commission, a commission officer for the commissions it is scoped to. */
export function assertActsForCommission(user: AuthenticatedUser, commissionId: string, action: string): void {
  if (actsForCommission(user, commissionId)) return;
  throw CommissionError.forbidden(
    `only the secretariat or an officer of commission ${commissionId} may ${action}`,
  );
}

export function assertSecretariat(user: AuthenticatedUser, action: string): void {
  if (hasRole(user, 'secretariat')) return;
  throw CommissionError.forbidden(`only the secretariat may ${action}`);
}
