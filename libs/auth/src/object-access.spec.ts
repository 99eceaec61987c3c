import { Problem } from '@c2c/platform';
import { AuthenticatedUser } from './authenticated-user';
import { assertActsForCity, assertActsForCommission } from './object-access';
import { Role } from './roles';

const user = (roles: Role[], scope: Partial<AuthenticatedUser> = {}): AuthenticatedUser => ({
  userId: 'u',
  email: 'u@example.org',
  roles,
  commissionIds: [],
  issuer: 'urn:c2c:gateway',
  ...scope,
});

function statusOf(work: () => void): number {
  try {
    work();
    return 200;
  } catch (error) {
    if (error instanceof Problem) return error.status;
    throw error;
  }
}

describe('object-level access', () => {
  it.each([
    ['secretariat', user(['secretariat']), 200],
    ['officer of city A', user(['city-officer'], { cityId: 'A' }), 200],
    ['officer of city B', user(['city-officer'], { cityId: 'B' }), 403],
    ['commission officer', user(['commission-officer'], { commissionIds: ['A'] }), 403],
    ['observer', user(['observer']), 403],
  ])('acting for city A: %s → %i', (_name, caller, status) => {
    expect(statusOf(() => assertActsForCity(caller, 'A'))).toBe(status);
  });

  it.each([
    ['secretariat', user(['secretariat']), 200],
    ['officer of commission 1', user(['commission-officer'], { commissionIds: ['1', '2'] }), 200],
    ['officer of commission 3', user(['commission-officer'], { commissionIds: ['3'] }), 403],
    ['city officer', user(['city-officer'], { cityId: '1' }), 403],
  ])('acting for commission 1: %s → %i', (_name, caller, status) => {
    expect(statusOf(() => assertActsForCommission(caller, '1'))).toBe(status);
  });
});
