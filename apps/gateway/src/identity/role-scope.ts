import type { Role } from '@c2c/auth';
import type { FieldError } from '@c2c/platform';
import { UserError } from './users.errors';

export interface RoleScope {
  role: Role;
  cityId: string | null;
  commissionIds: string[];
}

/**
 * A role and its scope must agree: a city officer has exactly one city, a commission officer at least
 * one commission, and nobody else has either (a scope on an admin would be silently meaningless).
 * Throws a {@link UserError} naming every field that breaks this.
 */
export function assertRoleScope({ role, cityId, commissionIds }: RoleScope): void {
  const errors: FieldError[] = [];
  if (role === 'city-officer' && !cityId)
    errors.push({ field: 'cityId', message: 'a city-officer needs a cityId' });
  if (role !== 'city-officer' && cityId) {
    errors.push({ field: 'cityId', message: 'only a city-officer has a cityId' });
  }
  if (role === 'commission-officer' && commissionIds.length === 0) {
    errors.push({ field: 'commissionIds', message: 'a commission-officer needs at least one commission' });
  }
  if (role !== 'commission-officer' && commissionIds.length > 0) {
    errors.push({ field: 'commissionIds', message: 'only a commission-officer has commissionIds' });
  }
  if (errors.length > 0) throw UserError.invalidRoleScope(errors);
}
