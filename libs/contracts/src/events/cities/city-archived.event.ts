import { Type } from '@sinclair/typebox';
import { defineEvent } from '../../registry/define-event';
import { dateTime, text, uuid } from '../schema-helpers';
import { EXAMPLE_IDS } from '../example-data';
import { cityCountryCode, cityName } from './city-profile.schema';

/** A city was archived: it takes part in nothing new. */
export const cityArchivedV1 = defineEvent({
  type: 'c2c.city.archived.v1',
  topic: 'c2c.cities.v1',
  aggregate: 'city',
  description:
    'A city was archived. The partnerships service reacts by suspending the active partnerships the ' +
    'city takes part in; name and country are included for notifications.',
  schema: Type.Object({
    cityId: uuid('The city.'),
    name: cityName,
    countryCode: cityCountryCode,
    reason: Type.Optional(text('Why the city was archived.')),
    archivedAt: dateTime('When the city was archived.'),
  }),
  example: {
    cityId: EXAMPLE_IDS.daNangDuplicate,
    name: 'Danang',
    countryCode: 'VN',
    reason: 'Duplicate of the Da Nang record, which is kept.',
    archivedAt: '2026-06-01T09:00:00Z',
  },
});
