import { cityUseCases } from '../../test/support/fake-city-ports';
import { ASIAN_CITIES, DEMO_MEMBER_CITIES } from './asian-cities';
import { seedCities } from './seed';

describe('demo data', () => {
  it('holds at least 40 Asian cities from at least 15 countries, Tehran as a member among them', () => {
    expect(ASIAN_CITIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ASIAN_CITIES.map((city) => city.countryCode)).size).toBeGreaterThanOrEqual(15);
    expect(ASIAN_CITIES.find((city) => city.name === 'Tehran')).toMatchObject({
      countryCode: 'IR',
      localName: 'تهران',
      membershipStatus: 'member',
    });
  });

  it('makes members of exactly the demo member cities, each of them in the list', () => {
    const members = ASIAN_CITIES.filter((city) => city.membershipStatus === 'member').map((c) => c.name);
    expect(members.sort()).toEqual([...DEMO_MEMBER_CITIES].sort());
  });
});

describe(seedCities.name, () => {
  it('registers every city once through the use case, and a second run adds nothing', async () => {
    const { register, outbox } = cityUseCases();
    const first = await seedCities(register);
    expect(first.skipped).toEqual([]);
    expect(first.added).toHaveLength(ASIAN_CITIES.length);
    const second = await seedCities(register);
    expect(second).toEqual({ added: [], skipped: first.added });
    expect(outbox.ofType('c2c.city.registered.v1')).toHaveLength(ASIAN_CITIES.length);
  });

  it('stops on anything other than an existing city', async () => {
    const failing = { execute: () => Promise.reject(new Error('database down')) };
    await expect(seedCities(failing)).rejects.toThrow('database down');
  });
});
