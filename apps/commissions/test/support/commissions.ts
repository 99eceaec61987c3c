import type { TestCaller } from '@c2c/auth/testing';
import type { ProblemDetails } from '@c2c/platform';
import type { CallAs, RunningService, ServiceUnderTest, ServiceWorld } from '@c2c/service/testing';
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

export interface Reply<T> {
  status: number;
  body: T;
  contentType: string | undefined;
  location: string | undefined;
  etag: string | undefined;
}

export const SECRETARIAT: TestCaller = { roles: ['secretariat'] };
export const OBSERVER: TestCaller = { roles: ['observer'] };
export const cityOfficerOf = (cityId: string): TestCaller => ({ roles: ['city-officer'], cityId });
export const commissionOfficerOf = (...commissionIds: string[]): TestCaller => ({
  roles: ['commission-officer'],
  commissionIds,
});

/** HTTP calls to the app over a real socket, as one caller. */
export class Api {
  constructor(
    private readonly service: Commissions,
    private readonly as: CallAs = SECRETARIAT,
  ) {}

  get<T>(url: string, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('GET', url, undefined, headers);
  }

  post<T>(url: string, body: object = {}, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('POST', url, body, headers);
  }

  patch<T>(url: string, body: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('PATCH', url, body, headers);
  }

  put<T>(url: string, body: object, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.call<T>('PUT', url, body, headers);
  }

  /** A call expected to fail: its problem+json body. */
  problem(
    url: string,
    body: object = {},
    headers: Record<string, string> = {},
    method: 'POST' | 'PATCH' | 'PUT' = 'POST',
  ): Promise<Reply<ProblemDetails>> {
    return this.call<ProblemDetails>(method, url, body, headers);
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
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

/** A motivation good enough for any test. */
export const application = (cityId: string) => ({
  cityId,
  motivation: 'We want to share our experience with peer cities.',
});

export { citiesKnown, CityPublisher, type CityInput };
