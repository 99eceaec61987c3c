import type { ServiceUnderTest } from '@c2c/service/testing';
import { citiesDatabase, CitiesAppModule, readCitiesConfig, type CitiesConfig } from '@c2c/cities-app';
import { CommissionsAppModule, readCommissionsConfig, type CommissionsConfig } from '@c2c/commissions-app';
import {
  NotificationsAppModule,
  readNotificationsConfig,
  type NotificationsConfig,
} from '@c2c/notifications-app';
import {
  PartnershipsAppModule,
  readPartnershipsConfig,
  type PartnershipsConfig,
} from '@c2c/partnerships-app';

// The services as their main.ts builds them, from the entry points they publish for end-to-end tests
// (as apps/platform-e2e starts them; a project does not import another's test code).

export const CITIES: ServiceUnderTest<CitiesConfig> = {
  name: 'cities',
  database: citiesDatabase('cities-test', 'c2c_test_cities'),
  readConfig: readCitiesConfig,
  module: (config) => CitiesAppModule.forRoot(config),
};

export const PARTNERSHIPS: ServiceUnderTest<PartnershipsConfig> = {
  name: 'partnerships',
  database: { schema: 'partnerships', role: 'c2c_test_partnerships', password: 'partnerships-test' },
  readConfig: readPartnershipsConfig,
  module: (config) => PartnershipsAppModule.forRoot(config),
};

export const COMMISSIONS: ServiceUnderTest<CommissionsConfig> = {
  name: 'commissions',
  database: { schema: 'commissions', role: 'c2c_test_commissions', password: 'commissions-test' },
  readConfig: readCommissionsConfig,
  module: (config) => CommissionsAppModule.forRoot(config),
};

export const NOTIFICATIONS: ServiceUnderTest<NotificationsConfig> = {
  name: 'notifications',
  database: { schema: 'notifications', role: 'c2c_test_notifications', password: 'notifications-test' },
  readConfig: readNotificationsConfig,
  module: (config) => NotificationsAppModule.forRoot(config),
};
