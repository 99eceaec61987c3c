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
import { readPartnershipsConfig, type PartnershipsConfig } from '../../src/config';
import type { PartnershipResponse } from '../../src/partnerships/dto/partnership-response.dto';

/** The partnerships app under test; `service.get(…)` reaches its providers. */
export type Partnerships = RunningService<PartnershipsConfig>;

/**
 * The partnerships service as main.ts builds it, for `ServiceWorld.start`, under a role of the tests'
 * own (roles are cluster-wide). The detection scheduler is off unless a test turns it on: tests run
 * passes themselves, at instants they choose.
 */
export const PARTNERSHIPS: ServiceUnderTest<PartnershipsConfig> = {
  name: 'partnerships',
  database: { schema: 'partnerships', role: 'c2c_test_partnerships', password: 'partnerships-test' },
  readConfig: (env) => readPartnershipsConfig({ DETECTION_INTERVAL_MS: '0', ...env }),
  module: (config) => AppModule.forRoot(config),
};

/** The topics the service reads and writes, created before it subscribes. */
export const ensurePartnershipTopics = (world: ServiceWorld): Promise<void> =>
  world.ensureTopics('c2c.cities.v1', 'c2c.commissions.v1', 'c2c.partnerships.v1');

/** Starts a partnerships app in the world, with environment overrides. */
export async function startPartnerships(
  world: ServiceWorld,
  env: Record<string, string> = {},
): Promise<Partnerships> {
  await ensurePartnershipTopics(world);
  return world.start(PARTNERSHIPS, env);
}

/** A valid proposal between two cities, to be overridden per test. */
export const proposalBetween = (proposerCityId: string, partnerIds: string[], overrides: object = {}) => ({
  type: 'sister-city',
  title: `Partnership ${Math.random().toString(36).slice(2, 8)}`,
  proposerCityId,
  participantCityIds: partnerIds,
  cooperationAreas: ['environment-and-climate', 'water-and-sanitation'],
  sdgTags: [6, 11],
  startDate: '2026-04-01',
  endDate: '2031-03-31',
  ...overrides,
});

export const SECRETARIAT: TestCaller = { roles: ['secretariat'] };
export const OBSERVER: TestCaller = { roles: ['observer'] };
export const officerOf = (cityId: string, userId?: string): TestCaller => ({
  roles: ['city-officer'],
  cityId,
  ...(userId === undefined ? {} : { userId }),
});

/** HTTP calls to the app over a real socket, as one caller; a body is a partnership unless typed. */
export class Api extends ServiceApi<PartnershipResponse> {}

export { citiesKnown, CityPublisher, type CityInput };
export { BestPracticePublisher, practiceKnown } from './best-practices';
