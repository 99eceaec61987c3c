import { messagingMigrations } from '@c2c/messaging';
import { CreateCityModel1766000000000 } from './1766000000000-create-city-model';
import { CreateCommissions1766000000100 } from './1766000000100-create-commissions';

/** Every migration of the commissions schema, in order. */
export const commissionsMigrations = [
  ...messagingMigrations('commissions'),
  CreateCityModel1766000000000,
  CreateCommissions1766000000100,
];
