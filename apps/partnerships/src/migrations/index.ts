import { messagingMigrations } from '@c2c/messaging';
import { CreateCityModel1765000000000 } from './1765000000000-create-city-model';
import { CreatePartnerships1765000000100 } from './1765000000100-create-partnerships';
import { CreateDetections1765000000200 } from './1765000000200-create-detections';

/** Every migration of the partnerships schema, in order. */
export const partnershipsMigrations = [
  ...messagingMigrations('partnerships'),
  CreateCityModel1765000000000,
  CreatePartnerships1765000000100,
  CreateDetections1765000000200,
];
