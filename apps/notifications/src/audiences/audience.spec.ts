import type { AuthenticatedUser, Role } from '@c2c/auth';
import { audienceKey, audiencesOfUser, city, commissionMembers } from './audience';

const user = (roles: Role[], scope: Partial<AuthenticatedUser> = {}): AuthenticatedUser => ({
  userId: 'u',
  email: 'u@example.org',
  roles,
  commissionIds: [],
  issuer: 'urn:c2c:gateway',
  ...scope,
});

describe(audiencesOfUser.name, () => {
  it("gives a city officer its city and the members' audience of its city's commissions", () => {
    expect(audiencesOfUser(user(['city-officer'], { cityId: 'c1' }), ['k1', 'k2'])).toEqual([
      'city:c1',
      'commission-members:k1',
      'commission-members:k2',
    ]);
  });

  it("gives a commission officer its commissions' officers and members audiences", () => {
    expect(audiencesOfUser(user(['commission-officer'], { commissionIds: ['k1'] }), [])).toEqual([
      'commission-members:k1',
      'commission-officers:k1',
    ]);
  });

  it('gives the secretariat its own audience, and an observer none', () => {
    expect(audiencesOfUser(user(['secretariat']), [])).toEqual(['secretariat']);
    expect(audiencesOfUser(user(['observer'], { cityId: 'c1' }), ['k1'])).toEqual([]);
  });

  it('keys audiences as they are stored', () => {
    expect([audienceKey(city('c1')), audienceKey(commissionMembers('k1'))]).toEqual([
      'city:c1',
      'commission-members:k1',
    ]);
  });
});
