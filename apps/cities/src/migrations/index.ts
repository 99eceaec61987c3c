import { commandAnswersMigration } from '@c2c/service';
import { messagingMigrations } from '@c2c/messaging';
import { CreateCities1764900000000 } from './1764900000000-create-cities';

/** Every migration of the cities schema, in order. */
export const citiesMigrations = [
  ...messagingMigrations('cities'),
  CreateCities1764900000000,
  commandAnswersMigration('cities', 1768000000000),
];
