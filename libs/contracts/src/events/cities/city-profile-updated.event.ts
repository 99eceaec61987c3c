import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { dateTime, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { CityProfileChangesSchema } from './city-profile.schema';

/** Some profile fields of a city changed. Membership has its own event. */
export const cityProfileUpdatedV1 = defineEvent({
  type: 'c2c.city.profile-updated.v1',
  topic: 'c2c.cities.v1',
  aggregate: 'city',
  description:
    'Profile fields of a city changed. `changes` holds the new value of every field named in ' +
    '`changedFields` (null: the value was removed); fields not named are unchanged. Membership status ' +
    'changes come as c2c.city.membership-changed.v1 instead. `changes.contactOfficers` (the whole new ' +
    'list) is personal data, marked `x-personal-data`: it is there for notifications to reach them.',
  schema: Type.Object({
    cityId: uuid('The city.'),
    changedFields: Type.Array(Type.String({ minLength: 1 }), {
      minItems: 1,
      uniqueItems: true,
      description: 'Names of the changed fields; the keys of `changes`.',
    }),
    changes: CityProfileChangesSchema,
    updatedAt: dateTime('When the change was made.'),
  }),
  example: {
    cityId: EXAMPLE_IDS.surabaya,
    changedFields: ['population', 'populationYear', 'englishName', 'contactOfficers'],
    changes: {
      population: 3009286,
      populationYear: 2024,
      englishName: null,
      contactOfficers: [
        {
          name: 'Sari Wulandari',
          role: 'Head of international relations',
          email: 'sari.wulandari@example.org',
        },
      ],
    },
    updatedAt: '2026-04-10T02:30:00Z',
  },
});
