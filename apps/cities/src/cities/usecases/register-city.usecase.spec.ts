import {
  cityUseCases,
  failure,
  NOW,
  observer,
  secretariat,
  tehran,
} from '../../../test/support/fake-city-ports';
import { CityErrorCode } from '../cities.errors';
import { RegisterCity } from './register-city.usecase';

describe(RegisterCity.name, () => {
  it('stores the city at version 1 and announces its whole profile', async () => {
    const { register, outbox, store } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    expect(city).toMatchObject({
      version: 1,
      membershipStatus: 'non-member',
      englishName: null,
      contacts: [],
    });
    await expect(store.findById(city.id)).resolves.toEqual(city);
    const [event] = outbox.ofType('c2c.city.registered.v1');
    expect(event).toMatchObject({ cityId: city.id, name: 'Tehran', localName: 'تهران', sdgFocus: [11] });
    expect(event).not.toHaveProperty('englishName');
    expect(event).not.toHaveProperty('contactOfficers');
  });

  it("announces the contact officers' name, role and e-mail, never their phone", async () => {
    const { register, outbox } = cityUseCases();
    const contacts = [
      {
        name: 'Sara Ahmadi',
        role: 'Head of protocol',
        email: 'sara.ahmadi@example.org',
        phone: '+98 21 1234 5678',
      },
    ];
    await register.execute(secretariat, { ...tehran, contacts });
    const [event] = outbox.ofType('c2c.city.registered.v1');
    expect(event?.contactOfficers).toEqual([
      { name: 'Sara Ahmadi', role: 'Head of protocol', email: 'sara.ahmadi@example.org' },
    ]);
    expect(JSON.stringify(event)).not.toContain('+98');
  });

  it('takes the time from the clock: registered now, member status from today unless given', async () => {
    const { register, outbox } = cityUseCases();
    const city = await register.execute(secretariat, tehran);
    expect(city).toMatchObject({ createdAt: NOW, updatedAt: NOW, membershipChangedOn: '2026-05-14' });
    expect(outbox.ofType('c2c.city.registered.v1')[0]?.registeredAt).toBe(NOW.toISOString());
    const member = await register.execute(secretariat, {
      ...tehran,
      countryCode: 'AF',
      membershipStatus: 'member',
      membershipChangedOn: '2019-10-01',
    });
    expect(member).toMatchObject({ membershipStatus: 'member', membershipChangedOn: '2019-10-01' });
  });

  it('refuses a second city with the same folded name in the same country, naming the first', async () => {
    const { register, outbox } = cityUseCases();
    const first = await register.execute(secretariat, tehran);
    const error = await failure(register.execute(secretariat, { ...tehran, name: '  TEHRÁN ' }));
    expect(error).toMatchObject({
      code: CityErrorCode.AlreadyRegistered,
      kind: 'conflict',
      details: { extensions: { existingCityId: first.id, existingCity: `/cities/${first.id}` } },
    });
    expect(outbox.events).toHaveLength(1);
    await expect(register.execute(secretariat, { ...tehran, countryCode: 'AF' })).resolves.toBeDefined();
  });

  it('answers a registration that loses the race on the unique key with the winner', async () => {
    const { register, store } = cityUseCases();
    const winner = await register.execute(secretariat, tehran);
    // The check before the insert saw nothing: the winner committed in between.
    const findByKey = store.findByKey.bind(store);
    jest.spyOn(store, 'findByKey').mockResolvedValueOnce(null).mockImplementation(findByKey);
    const error = await failure(register.execute(secretariat, tehran));
    expect(error).toMatchObject({
      code: CityErrorCode.AlreadyRegistered,
      details: { extensions: { existingCityId: winner.id } },
    });
  });

  it('is for the secretariat only', async () => {
    const { register } = cityUseCases();
    expect(await failure(register.execute(observer, tehran))).toMatchObject({
      code: CityErrorCode.Forbidden,
      kind: 'forbidden',
    });
  });
});
