import { Problem, ProblemType, type FieldError } from '@c2c/platform';
import type { Role } from '@c2c/auth';

export interface RoleScope {
  role: Role;
  cityId: string | null;
  commissionIds: string[];
}

/**
 * A role and its scope must agree: a city officer has exactly one city, a commission officer at least
 * one commission, and nobody else has either (a scope on an admin would be silently meaningless).
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
  if (errors.length > 0) {
    throw new Problem(
      ProblemType.ValidationError,
      `invalid field(s): ${errors.map((e) => e.field).join(', ')}`,
      {
        errors,
      },
    );
  }
}
