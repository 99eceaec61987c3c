import { commandAnswersMigration } from '@c2c/service';
import { cityModelMigration } from '@c2c/city-model';
import { messagingMigrations } from '@c2c/messaging';
import { CreatePartnerships1765000000100 } from './1765000000100-create-partnerships';
import { CreateDetections1765000000200 } from './1765000000200-create-detections';
import { CreateBestPracticeModel1765000000300 } from './1765000000300-create-best-practice-model';

/** Every migration of the partnerships schema, in order. */
export const partnershipsMigrations = [
  ...messagingMigrations('partnerships'),
  // Named CreateCityModel1765000000000, as when it was this app's own file: deployed databases ran it.
  cityModelMigration('partnerships', 1765000000000),
  CreatePartnerships1765000000100,
  CreateDetections1765000000200,
  CreateBestPracticeModel1765000000300,
  commandAnswersMigration('partnerships', 1768000000000),
];
