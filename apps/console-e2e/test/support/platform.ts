import { randomUUID } from 'node:crypto';
import { ServiceWorld, type RunningService } from '@c2c/service/testing';
import { eventually } from '@c2c/testing';
import { CityModel as CommissionsCityModel, type CommissionsConfig } from '@c2c/commissions-app';
import { GatewayHarness, LateTargetProxy, type HttpResponse } from '@c2c/gateway-app/testing';
import { CityModel as PartnershipsCityModel, type PartnershipsConfig } from '@c2c/partnerships-app';
import { builtConsoleDir } from './console-build';
import { CITIES, COMMISSIONS, NOTIFICATIONS, PARTNERSHIPS } from './services';

export type Role = 'secretariat' | 'commission-officer' | 'city-officer' | 'observer';

export interface ConsoleUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
}

/** What a test registers: a city's required fields and any others the API takes. */
export interface CitySpec {
  readonly name: string;
  readonly countryCode: string;
  readonly [field: string]: unknown;
}

/**
 * The whole platform for a browser: the four services and the gateway in this process, each with its
 * own schema in one test database, over the real broker, and the gateway serving the freshly built
 * console at /console (same origin as the API, under its CSP).
 */
export class ConsolePlatform {
  private constructor(
    private readonly world: ServiceWorld,
    private readonly jwks: LateTargetProxy,
    private readonly partnerships: RunningService<PartnershipsConfig>,
    private readonly commissions: RunningService<CommissionsConfig>,
    readonly gateway: GatewayHarness,
    readonly adminToken: string,
  ) {}

  static async start(label: string): Promise<ConsolePlatform> {
    const consoleDir = builtConsoleDir();
    const world = await ServiceWorld.create(label);
    await world.ensureTopics('c2c.cities.v1', 'c2c.partnerships.v1', 'c2c.commissions.v1');
    // The services need the gateway's JWKS address before the gateway (which needs theirs) listens.
    const jwks = await LateTargetProxy.start();
    const trustTheGateway = { AUTH_JWKS_URL: `${jwks.url}/.well-known/jwks.json` };
    const cities = await world.start(CITIES, trustTheGateway);
    const partnerships = await world.start(PARTNERSHIPS, { ...trustTheGateway, DETECTION_INTERVAL_MS: '0' });
    const commissions = await world.start(COMMISSIONS, {
      ...trustTheGateway,
      OVERDUE_SWEEP_INTERVAL_MS: '0',
    });
    const notifications = await world.start(NOTIFICATIONS, {
      ...trustTheGateway,
      DELIVERY_INTERVAL_MS: '100',
    });
    const gateway = await GatewayHarness.start(
      {
        CITIES_URL: cities.url,
        PARTNERSHIPS_URL: partnerships.url,
        COMMISSIONS_URL: commissions.url,
        NOTIFICATIONS_URL: notifications.url,
        CONSOLE_DIR: consoleDir,
        // Every browser of a test signs in from 127.0.0.1: the per-address limits are for the internet.
        RATE_LIMIT_LOGIN_PER_IP: '1000',
        RATE_LIMIT_PER_IP: '100000',
      },
      world,
    );
    jwks.forwardTo(gateway.url);
    const adminToken = await gateway.adminToken();
    return new ConsolePlatform(world, jwks, partnerships, commissions, gateway, adminToken);
  }

  async close(): Promise<void> {
    await this.world.close();
    await this.jwks.close();
  }

  /** A console address on this gateway (`path` below /console). */
  url(pathBelowConsole: string): string {
    return `${this.gateway.url}/console${pathBelowConsole}`;
  }

  /** A call to the public API as the bootstrap secretariat (or `token`), failing unless it succeeds. */
  async api<T>(method: 'GET' | 'POST', apiPath: string, body?: unknown, token?: string): Promise<T> {
    const response: HttpResponse<T> = await this.gateway.call<T>(method, `/api/v1${apiPath}`, {
      token: token ?? this.adminToken,
      body,
      headers: method === 'POST' ? { 'idempotency-key': randomUUID() } : {},
    });
    if (response.status >= 300) throw new Error(`${method} ${apiPath}: ${response.status} ${response.text}`);
    return response.body;
  }

  /**
   * A record on the cities topic under CloudEvents headers that pass, whose value is not JSON: every
   * consumer of the topic dead-letters it. Resolves with its event id once the commissions service
   * lists its dead letter.
   */
  async poisonCitiesTopic(): Promise<string> {
    const id = randomUUID();
    const producer = this.world.kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic: this.world.topic('c2c.cities.v1'),
        acks: -1,
        messages: [
          {
            // Not the id, so that the letter's page shows each once.
            key: `poison-${id}`,
            value: '{"cityId": "unterminated',
            headers: {
              ce_specversion: '1.0',
              ce_id: id,
              ce_source: '/c2c/cities',
              ce_type: 'c2c.city.archived.v1',
              ce_subject: id,
              ce_time: new Date().toISOString(),
              ce_sequence: '1',
              'content-type': 'application/json',
            },
          },
        ],
      });
    } finally {
      await producer.disconnect();
    }
    await eventually(
      async () => {
        const letters = await this.api<{ items: { eventId: string | null }[] }>(
          'GET',
          '/admin/dead-letters?service=commissions',
        );
        expect(letters.items.map((letter) => letter.eventId)).toContain(id);
      },
      { timeout: 30_000 },
    );
    return id;
  }

  /** Member cities, once the partnerships and commissions services have learnt them over the broker. */
  async memberCities(...specs: CitySpec[]): Promise<string[]> {
    const ids: string[] = [];
    for (const spec of specs) {
      const city = await this.api<{ id: string }>('POST', '/cities', {
        level: 'metropolitan-city',
        membershipStatus: 'member',
        ...spec,
      });
      ids.push(city.id);
    }
    await eventually(
      async () => {
        const inPartnerships = await this.partnerships.app.get(PartnershipsCityModel).lookup(ids);
        const inCommissions = await this.commissions.app.get(CommissionsCityModel).lookup(ids);
        expect([inPartnerships.size, inCommissions.size]).toEqual([ids.length, ids.length]);
      },
      { timeout: 30_000 },
    );
    return ids;
  }

  /** An account of a role, made through the API as the secretariat does; not signed in. */
  async user(role: Role, scope: { cityId?: string; commissionIds?: string[] } = {}): Promise<ConsoleUser> {
    const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
    const password = `pw-${randomUUID()}`;
    const created = await this.api<{ id: string }>('POST', '/users', {
      email,
      name: `${role} ${email.slice(role.length + 1, role.length + 5)}`,
      password,
      role,
      ...scope,
    });
    return { id: created.id, email, password };
  }
}
