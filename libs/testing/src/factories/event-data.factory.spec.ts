import { validateEventData } from '@c2c/contracts';
import { eventDataFor, uniqueSuffix } from './event-data.factory';

describe(eventDataFor.name, () => {
  it('gives a payload that its contract accepts, with the overrides applied', () => {
    const data = eventDataFor('c2c.city.archived.v1', { name: 'Tehran', countryCode: 'IR' });
    expect(validateEventData('c2c.city.archived.v1', data)).toMatchObject({ ok: true });
    expect(data).toMatchObject({ name: 'Tehran', countryCode: 'IR' });
  });

  it('gives a fresh copy each time', () => {
    const first = eventDataFor('c2c.partnership.proposed.v1');
    first.partnership.participants.length = 0;
    expect(eventDataFor('c2c.partnership.proposed.v1').partnership.participants.length).toBeGreaterThan(1);
  });

  it('makes different suffixes', () => {
    expect(uniqueSuffix()).not.toBe(uniqueSuffix());
  });
});
