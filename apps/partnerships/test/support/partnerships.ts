import type { TestCaller } from '@c2c/auth/testing';
import type { ProblemDetails } from '@c2c/platform';
import type { CallAs, RunningService, ServiceUnderTest, ServiceWorld } from '@c2c/service/testing';
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

export interface Reply<T> {
  status: number;
  body: T;
  contentType: string | undefined;
  location: string | undefined;
  etag: string | undefined;
}

export const SECRETARIAT: TestCaller = { roles: ['secretariat'] };
export const OBSERVER: TestCaller = { roles: ['observer'] };
export const officerOf = (cityId: string, userId?: string): TestCaller => ({
  roles: ['city-officer'],
  cityId,
  ...(userId === undefined ? {} : { userId }),
});

/** HTTP calls to the app over a real socket, as one caller. */
export class Api {
  constructor(
    private readonly service: Partnerships,
    private readonly as: CallAs = SECRETARIAT,
  ) {}

  get<T = PartnershipResponse>(url: string, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('GET', url, undefined, headers);
  }

  post<T = PartnershipResponse>(
    url: string,
    body: object = {},
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    return this.call<T>('POST', url, body, headers);
  }

  /** A POST expected to fail: its problem+json body. */
  problem(
    url: string,
    body: object = {},
    headers: Record<string, string> = {},
  ): Promise<Reply<ProblemDetails>> {
    return this.call<ProblemDetails>('POST', url, body, headers);
  }

  private async call<T>(
    method: 'GET' | 'POST',
    url: string,
    body: object | undefined,
    headers: Record<string, string>,
  ): Promise<Reply<T>> {
    const response = await this.service.call(method, url, { as: this.as, headers, body });
    return {
      status: response.statusCode,
      body: response.body === '' ? (undefined as T) : response.json<T>(),
      contentType: response.headers['content-type'],
      location: response.headers.location,
      etag: response.headers.etag,
    };
  }
}

export { citiesKnown, CityPublisher, type CityInput };
export { BestPracticePublisher, practiceKnown } from './best-practices';
