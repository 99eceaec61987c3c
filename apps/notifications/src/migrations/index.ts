import { commandAnswersMigration } from '@c2c/service';
import { cityModelMigration } from '@c2c/city-model';
import { messagingMigrations } from '@c2c/messaging';
import { CreateNotifications1767000000100 } from './1767000000100-create-notifications';
import { CreateWebhooks1767000000200 } from './1767000000200-create-webhooks';

/** Every migration of the notifications schema, in order. */
export const notificationsMigrations = [
  ...messagingMigrations('notifications'),
  cityModelMigration('notifications', 1767000000000),
  CreateNotifications1767000000100,
  CreateWebhooks1767000000200,
  commandAnswersMigration('notifications', 1768000000000),
];
