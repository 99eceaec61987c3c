import { commandAnswersMigration } from '@c2c/service';
import { cityModelMigration } from '@c2c/city-model';
import { messagingMigrations } from '@c2c/messaging';
import { CreateCommissions1766000000100 } from './1766000000100-create-commissions';
import { CreateMeetings1766000000200 } from './1766000000200-create-meetings';
import { CreateResolutions1766000000300 } from './1766000000300-create-resolutions';
import { CreateOverdueAnnouncements1766000000400 } from './1766000000400-create-overdue-announcements';
import { CreateBestPractices1766000000500 } from './1766000000500-create-best-practices';
import { CreatePartnershipModel1766000000600 } from './1766000000600-create-partnership-model';

/** Every migration of the commissions schema, in order. */
export const commissionsMigrations = [
  ...messagingMigrations('commissions'),
  // Named CreateCityModel1766000000000, as when it was this app's own file.
  cityModelMigration('commissions', 1766000000000),
  CreateCommissions1766000000100,
  CreateMeetings1766000000200,
  CreateResolutions1766000000300,
  CreateOverdueAnnouncements1766000000400,
  CreateBestPractices1766000000500,
  CreatePartnershipModel1766000000600,
  commandAnswersMigration('commissions', 1768000000000),
];
