import { newCity } from '../city';
import { toCityResponse } from './city-response.dto';

describe(toCityResponse.name, () => {
  const city = newCity(
    '5b0c2a5e-0000-4000-8000-000000000001',
    {
      name: 'Isfahan',
      countryCode: 'IR',
      level: 'metropolitan-city',
      contacts: [
        {
          name: 'Sara Ahmadi',
          role: 'International relations officer',
          email: 'sara@isfahan.ir',
          phone: '+98 31 3222 0000',
        },
        { name: 'Reza Karimi', email: 'reza@isfahan.ir' },
      ],
    },
    new Date('2026-05-14T09:30:00Z'),
  );

  it('gives an audience that may reach contacts their e-mail and phone', () => {
    expect(toCityResponse(city, { reachesContacts: true }).contacts).toEqual([
      {
        name: 'Sara Ahmadi',
        role: 'International relations officer',
        email: 'sara@isfahan.ir',
        phone: '+98 31 3222 0000',
      },
      { name: 'Reza Karimi', email: 'reza@isfahan.ir' },
    ]);
  });

  it('gives any other audience each contact’s name and role, and nothing else', () => {
    expect(toCityResponse(city, { reachesContacts: false }).contacts).toEqual([
      { name: 'Sara Ahmadi', role: 'International relations officer' },
      { name: 'Reza Karimi' },
    ]);
  });
});
