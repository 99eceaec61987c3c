import { messagingMigrations } from '@c2c/messaging';

/** Every migration of the cities schema, in order. */
export const citiesMigrations = [...messagingMigrations('cities')];
