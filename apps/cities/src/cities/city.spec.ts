import { applyProfilePatch, archive, changeMembership, newCity, type City } from './city';

const at = new Date('2026-05-14T09:30:00.000Z');
const later = new Date('2026-06-01T00:00:00.000Z');

function tehran(): City {
  return Object.freeze(
    newCity(
      '7d3c2a40-0000-4000-8000-000000000001',
      {
        name: 'Tehran',
        countryCode: 'IR',
        level: 'metropolitan-city',
        contacts: [{ name: 'Sara Ahmadi', email: 'sara@tehran.ir', phone: '+98 21 1234 5678' }],
      },
      at,
    ),
  );
}

describe('the city model', () => {
  it('starts a city at version 1 with empty optional values, a member status from today', () => {
    expect(tehran()).toMatchObject({
      version: 1,
      englishName: null,
      sdgFocus: [],
      membershipStatus: 'non-member',
      membershipChangedOn: '2026-05-14',
      createdAt: at,
      updatedAt: at,
      archivedAt: null,
    });
  });

  it('applies a patch to a copy, naming only the fields that really change', () => {
    const city = tehran();
    const { city: updated, changed } = applyProfilePatch(
      city,
      { population: 9_039_000, name: null, sdgFocus: null, languages: [] },
      later,
    );
    expect(changed).toEqual(['population']);
    expect(updated).toMatchObject({ population: 9_039_000, name: 'Tehran', version: 2, updatedAt: later });
    expect(city).toMatchObject({ population: null, version: 1, updatedAt: at });
  });

  it('reads contacts sent back in another key order as unchanged', () => {
    const city = tehran();
    const same = { phone: '+98 21 1234 5678', email: 'sara@tehran.ir', name: 'Sara Ahmadi' };
    expect(applyProfilePatch(city, { contacts: [same] }, later)).toEqual({ city, changed: [] });
  });

  it('changes membership and archives on copies, each a new version', () => {
    const city = tehran();
    const member = changeMembership(city, 'member', '2026-05-20', later);
    expect(member).toMatchObject({
      membershipStatus: 'member',
      membershipChangedOn: '2026-05-20',
      version: 2,
    });
    expect(archive(member, later)).toMatchObject({ archivedAt: later, version: 3 });
    expect(city).toMatchObject({ membershipStatus: 'non-member', version: 1, archivedAt: null });
  });
});
