import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { dateTime, stringEnum, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import {
  cityContactOfficers,
  cityCountryCode,
  cityEnglishName,
  cityLanguages,
  cityLatitude,
  cityLevel,
  cityLocalName,
  cityLongitude,
  cityName,
  cityPopulation,
  cityPopulationYear,
  cityRegion,
  citySdgFocus,
  cityWebsite,
} from './city-profile.schema';
import { MEMBERSHIP_STATUSES } from './city-vocabularies';

/** A city or local authority was added to the platform: its whole profile. */
export const cityRegisteredV1 = defineEvent({
  type: 'c2c.city.registered.v1',
  topic: 'c2c.cities.v1',
  aggregate: 'city',
  description:
    'A city or local authority was registered. Carries the whole profile, so a subscriber can build ' +
    'its read model of cities from this event and the later profile, membership and archive events. ' +
    '`contactOfficers` (absent: none) is personal data, marked `x-personal-data`: it is there for ' +
    'notifications to reach them.',
  schema: Type.Object({
    cityId: uuid('The city.'),
    name: cityName,
    englishName: Type.Optional(cityEnglishName),
    localName: Type.Optional(cityLocalName),
    countryCode: cityCountryCode,
    region: Type.Optional(cityRegion),
    level: cityLevel,
    population: Type.Optional(cityPopulation),
    populationYear: Type.Optional(cityPopulationYear),
    latitude: Type.Optional(cityLatitude),
    longitude: Type.Optional(cityLongitude),
    website: Type.Optional(cityWebsite),
    membershipStatus: stringEnum(MEMBERSHIP_STATUSES, { description: 'Standing in the AMF.' }),
    sdgFocus: Type.Optional(citySdgFocus),
    languages: Type.Optional(cityLanguages),
    contactOfficers: Type.Optional(cityContactOfficers),
    registeredAt: dateTime('When the city was registered.'),
  }),
  example: {
    cityId: EXAMPLE_IDS.surabaya,
    name: 'Surabaya',
    localName: 'Kota Surabaya',
    countryCode: 'ID',
    region: 'East Java',
    level: 'municipality',
    population: 2874314,
    populationYear: 2020,
    latitude: -7.2575,
    longitude: 112.7521,
    website: 'https://www.surabaya.go.id',
    membershipStatus: 'member',
    sdgFocus: [6, 11, 13],
    languages: ['id', 'jv'],
    contactOfficers: [
      {
        name: 'Sari Wulandari',
        role: 'International relations officer',
        email: 'sari.wulandari@example.org',
      },
      { name: 'Budi Santoso', email: 'budi.santoso@example.org' },
    ],
    registeredAt: '2026-03-02T08:15:00Z',
  },
});
