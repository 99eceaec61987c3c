import type { TestCaller } from '@c2c/auth/testing';
import {
  ServiceApi,
  type RunningService,
  type ServiceUnderTest,
  type ServiceWorld,
} from '@c2c/service/testing';
export type { Reply } from '@c2c/service/testing';
import { citiesKnown, CityPublisher, type CityInput } from '@c2c/city-model/testing';
import { AppModule } from '../../src/app.module';
import { COMMISSION_IDS } from '../../src/commissions/commission';
import { readCommissionsConfig, type CommissionsConfig } from '../../src/config';

/** The commissions app under test; `service.get(…)` reaches its providers. */
export type Commissions = RunningService<CommissionsConfig>;

/** The commissions service as main.ts builds it, for `ServiceWorld.start`, under a role of the tests' own. */
export const COMMISSIONS: ServiceUnderTest<CommissionsConfig> = {
  name: 'commissions',
  database: { schema: 'commissions', role: 'c2c_test_commissions', password: 'commissions-test' },
  readConfig: (env) => readCommissionsConfig(env),
  module: (config) => AppModule.forRoot(config),
};

export const [FIRST, SECOND, THIRD] = [COMMISSION_IDS[1], COMMISSION_IDS[2], COMMISSION_IDS[3]];

/** Starts a commissions app in the world, its topics created before it subscribes. */
export async function startCommissions(
  world: ServiceWorld,
  env: Record<string, string> = {},
): Promise<Commissions> {
  await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
  return world.start(COMMISSIONS, env);
}

export const SECRETARIAT: TestCaller = { roles: ['secretariat'] };
export const OBSERVER: TestCaller = { roles: ['observer'] };
export const cityOfficerOf = (cityId: string): TestCaller => ({ roles: ['city-officer'], cityId });
export const commissionOfficerOf = (...commissionIds: string[]): TestCaller => ({
  roles: ['commission-officer'],
  commissionIds,
});

/** HTTP calls to the app over a real socket, as one caller. */
export class Api extends ServiceApi {}

/** A motivation good enough for any test. */
export const application = (cityId: string) => ({
  cityId,
  motivation: 'We want to share our experience with peer cities.',
});

export { citiesKnown, CityPublisher, type CityInput };
