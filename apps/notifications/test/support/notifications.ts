import type { TestCaller } from '@c2c/auth/testing';
import type { RunningService, ServiceUnderTest, ServiceWorld } from '@c2c/service/testing';
import { AppModule } from '../../src/app.module';
import { readNotificationsConfig, type NotificationsConfig } from '../../src/config';

/** The notifications app under test; `service.get(…)` reaches its providers. */
export type Notifications = RunningService<NotificationsConfig>;

export const NOTIFICATIONS: ServiceUnderTest<NotificationsConfig> = {
  name: 'notifications',
  database: { schema: 'notifications', role: 'c2c_test_notifications', password: 'notifications-test' },
  readConfig: (env) => readNotificationsConfig(env),
  module: (config) => AppModule.forRoot(config),
};

/** Starts a notifications app in the world, the topics it reads created before it subscribes. */
export async function startNotifications(
  world: ServiceWorld,
  env: Record<string, string> = {},
): Promise<Notifications> {
  await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
  return world.start(NOTIFICATIONS, env);
}

export const SECRETARIAT: TestCaller = { roles: ['secretariat'] };
export const OBSERVER: TestCaller = { roles: ['observer'] };
export const cityOfficerOf = (cityId: string): TestCaller => ({ roles: ['city-officer'], cityId });
export const commissionOfficerOf = (...commissionIds: string[]): TestCaller => ({
  roles: ['commission-officer'],
  commissionIds,
});
