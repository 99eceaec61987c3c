import { randomUUID } from 'node:crypto';
import type { TestCaller } from '@c2c/auth/testing';
import type { CityLevel, EventData, EventType, MembershipStatus } from '@c2c/contracts';
import type { ProblemDetails } from '@c2c/platform';
import type {
  CallAs,
  RunningService,
  ServiceUnderTest,
  ServiceWorld,
  TestPublisher,
} from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import { AppModule } from '../../src/app.module';
import { CityModel, type CityRecord } from '@c2c/city-model';
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
  await world.ensureTopics('c2c.cities.v1', 'c2c.commissions.v1');
  return world.start(COMMISSIONS, env);
}

/** Waits until the app's city model knows these cities (and, with `archived`, knows them archived). */
export function citiesKnown(
  service: Commissions,
  ids: string[],
  archived = false,
): Promise<Map<string, CityRecord>> {
  return eventually(async () => {
    const known = await service.get(CityModel).lookup(ids);
    for (const id of ids) {
      expect(known.get(id)?.name).toBeTruthy();
      expect(known.get(id)?.archivedAt != null).toBe(archived);
    }
    return known;
  });
}

export interface CityInput {
  name: string;
  countryCode: string;
  level?: CityLevel;
  membershipStatus?: MembershipStatus;
}

/**
 * The cities service's events without its domain, through its own schema, outbox and relay (the
 * world's publisher), so `c2c.cities.v1` carries exactly what the cities service puts there.
 */
export class CityPublisher {
  private constructor(private readonly publisher: TestPublisher) {}

  static async open(world: ServiceWorld): Promise<CityPublisher> {
    return new CityPublisher(await world.publisherFor('cities'));
  }

  async register(input: CityInput): Promise<string> {
    const cityId = randomUUID();
    await this.publish('c2c.city.registered.v1', cityId, {
      cityId,
      name: input.name,
      countryCode: input.countryCode,
      level: input.level ?? 'municipality',
      membershipStatus: input.membershipStatus ?? 'member',
      registeredAt: new Date().toISOString(),
    });
    return cityId;
  }

  async archive(cityId: string, name: string, countryCode: string): Promise<void> {
    await this.publish('c2c.city.archived.v1', cityId, {
      cityId,
      name,
      countryCode,
      reason: 'merged into a metropolitan authority',
      archivedAt: new Date().toISOString(),
    });
  }

  private async publish<T extends EventType>(type: T, cityId: string, data: EventData<T>): Promise<void> {
    await this.publisher.publish(type, cityId, data);
  }
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

  /** A call expected to fail: its problem+json body. */
  problem(
    url: string,
    body: object = {},
    headers: Record<string, string> = {},
    method: 'POST' | 'PATCH' = 'POST',
  ): Promise<Reply<ProblemDetails>> {
    return this.call<ProblemDetails>(method, url, body, headers);
  }

  private async call<T>(
    method: 'GET' | 'POST' | 'PATCH',
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
