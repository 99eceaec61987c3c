import { Type } from '@sinclair/typebox';
import { countryCode, nullable, personalData, sdgGoal, stringEnum, text } from '../schema-helpers';
import { CITY_LEVELS } from './city-vocabularies';

// One definition per profile field, used by `registered` (the full profile) and `profile-updated`
// (only the changed fields), so the two cannot drift apart.

export const cityName = text('Usual name of the city or local authority, in Latin script.');
export const cityEnglishName = text('English name, when it differs from `name`.');
export const cityLocalName = text('Name in the local language and script.');
export const cityCountryCode = countryCode();
export const cityRegion = text('State, province or region the city lies in.');
export const cityLevel = stringEnum(CITY_LEVELS, { description: 'Tier of local government.' });
export const cityPopulation = Type.Integer({ minimum: 0, description: 'Inhabitants.' });
export const cityPopulationYear = Type.Integer({
  minimum: 1800,
  description: 'Year the population figure refers to.',
});
export const cityLatitude = Type.Number({ minimum: -90, maximum: 90, description: 'WGS 84 latitude.' });
export const cityLongitude = Type.Number({ minimum: -180, maximum: 180, description: 'WGS 84 longitude.' });
export const cityWebsite = Type.String({ format: 'uri', description: 'Official website.' });
export const citySdgFocus = Type.Array(sdgGoal(), {
  uniqueItems: true,
  description: 'Sustainable Development Goals the city puts first.',
});
export const cityLanguages = Type.Array(text('BCP 47 language tag, e.g. `id`, `ja`, `zh-Hant`.'), {
  description: 'Working languages of the local administration.',
});

/**
 * A person at the city whom the platform notifies. Only what notifications needs travels: no phone,
 * which stays in the cities service (its API shows it to officers).
 */
export const cityContactOfficer = Type.Object(
  {
    name: text('Full name.'),
    role: Type.Optional(text('Their function at the city, e.g. "International relations officer".')),
    // Checked as an e-mail address by the cities service when it was entered; the pattern only
    // promises an `@domain` ending, so no address the service accepted is ever refused here.
    email: Type.String({ pattern: '@[^@\\s]+$', description: 'E-mail address to notify them at.' }),
  },
  { description: 'A contact officer of the city.' },
);
export const cityContactOfficers = Type.Array(cityContactOfficer, {
  ...personalData,
  minItems: 1,
  description:
    "The city's contact officers, so that notifications can reach them. Personal data: keep them " +
    'only for that, replace them with each update, and never log them.',
});

/**
 * New values of changed profile fields. Fields that are optional in the profile may be `null`,
 * meaning the value was removed.
 */
export const CityProfileChangesSchema = Type.Object(
  {
    name: Type.Optional(cityName),
    englishName: Type.Optional(nullable(cityEnglishName)),
    localName: Type.Optional(nullable(cityLocalName)),
    countryCode: Type.Optional(cityCountryCode),
    region: Type.Optional(nullable(cityRegion)),
    level: Type.Optional(cityLevel),
    population: Type.Optional(nullable(cityPopulation)),
    populationYear: Type.Optional(nullable(cityPopulationYear)),
    latitude: Type.Optional(nullable(cityLatitude)),
    longitude: Type.Optional(nullable(cityLongitude)),
    website: Type.Optional(nullable(cityWebsite)),
    sdgFocus: Type.Optional(nullable(citySdgFocus)),
    languages: Type.Optional(nullable(cityLanguages)),
    contactOfficers: Type.Optional(
      Type.Union([cityContactOfficers, Type.Null()], {
        ...personalData,
        description: 'The whole new list of contact officers; `null` when the city has none left.',
      }),
    ),
  },
  { description: 'New values of exactly the fields in `changedFields`; `null` means removed.' },
);
