import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TokenVerifier, type Role } from '@c2c/auth';
import type { FastifyRequest } from 'fastify';
import { ServiceWorld, type RunningService, type ServiceUnderTest } from '@c2c/service/testing';
import { request } from 'undici';
import { AppModule } from '../../src/app.module';
import { GatewayConfig, LOCAL_BOOTSTRAP_ADMIN, readGatewayConfig } from '../../src/config';
import { gatewayAppOptions } from '../../src/gateway-app';
import { InternalTokensService } from '../../src/tokens/internal-tokens.service';

/** The gateway as main.ts builds it, for the one test world: its schema and a test role of its own. */
export const GATEWAY: ServiceUnderTest<GatewayConfig> = {
  name: 'gateway',
  database: { schema: 'gateway', role: 'c2c_test_gateway', password: 'gateway-test' },
  // Tests run locally: the committed local defaults (bootstrap admin, key secret) are allowed, as
  // tools/start.mjs allows them; a test of the fail-closed start overrides ALLOW_LOCAL_DEFAULTS.
  readConfig: (env) =>
    readGatewayConfig({
      SIGNING_KEY_PUBLISH_LEAD_SECONDS: '0',
      ALLOW_LOCAL_DEFAULTS: 'true',
      // The world gives its services this secret for their revocation feed: the gateway serves its
      // feed under it, so services in front of which it runs learn its revocations.
      REVOCATION_FEED_SECRET: env.AUTH_REVOCATION_SECRET,
      ...env,
    }),
  module: (config) => AppModule.forRoot(config),
  appOptions: gatewayAppOptions,
};

export interface HttpResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );
}

/**
 * The gateway in a test world (its own, or one it shares with the services of an end-to-end test),
 * with what the gateway's tests need beyond the world: calls with the gateway's own tokens, logins,
 * and users of each role made through its API.
 */
export class GatewayHarness {
  private constructor(
    readonly world: ServiceWorld,
    private readonly running: RunningService<GatewayConfig>,
    private readonly ownsWorld: boolean,
  ) {}

  get app(): NestFastifyApplication {
    return this.running.app;
  }

  get config(): GatewayConfig {
    return this.running.config;
  }

  get url(): string {
    return this.running.url;
  }

  /** A gateway in a world of its own, or in `world` (a second replica, or beside the services). */
  static async start(env: Record<string, string> = {}, world?: ServiceWorld): Promise<GatewayHarness> {
    const shared = world ?? (await ServiceWorld.create('gateway'));
    return new GatewayHarness(shared, await shared.start(GATEWAY, env), world === undefined);
  }

  /** Stops this gateway; the world, with its database, ends too when the harness made it. */
  async close(): Promise<void> {
    if (this.ownsWorld) await this.world.close();
    else await this.app.close();
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    options: CallOptions = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await request(`${this.url}${path}`, { method, headers, body });
    const text = await response.body.text();
    let parsed: unknown = text;
    if (/json/.test(String(response.headers['content-type'])) && text !== '') parsed = JSON.parse(text);
    return { status: response.statusCode, headers: flatHeaders(response.headers), body: parsed as T, text };
  }

  async login(email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
    const response = await this.call<{ accessToken: string }>('POST', '/api/v1/auth/token', {
      body: { email, password },
      headers,
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${response.text}`);
    return response.body.accessToken;
  }

  /**
   * The internal token this gateway would send `service` for a caller holding `token` (the one it
   * forwards), for calling the service directly as the gateway does.
   */
  async internalToken(service: string, token: string): Promise<string> {
    const user = await this.app.get(TokenVerifier).verify(token);
    const request = { headers: { authorization: `Bearer ${token}` }, user } as unknown as FastifyRequest;
    const { authorization } = await this.app.get(InternalTokensService).headersFor(service, request);
    if (authorization === undefined) throw new Error('the gateway made no internal token');
    return authorization.slice('Bearer '.length);
  }

  private admin: Promise<string> | undefined;

  /** The bootstrap secretariat's token (logged in once per harness). */
  adminToken(): Promise<string> {
    this.admin ??= this.login(LOCAL_BOOTSTRAP_ADMIN.email, LOCAL_BOOTSTRAP_ADMIN.password);
    return this.admin;
  }

  /** Creates a user of a role through the API (as the bootstrap admin) and logs it in. */
  async user(
    role: Role,
    scope: { cityId?: string; commissionIds?: string[] } = {},
    adminToken?: string,
  ): Promise<TestUser> {
    const email = `${role}-${randomUUID().slice(0, 8)}@example.org`;
    const password = `pw-${randomUUID()}`;
    const created = await this.call<{ id: string }>('POST', '/api/v1/users', {
      token: adminToken ?? (await this.adminToken()),
      body: { email, name: `${role} user`, password, role, ...scope },
    });
    if (created.status !== 201) throw new Error(`user creation failed: ${created.status} ${created.text}`);
    return { id: created.body.id, email, password, token: await this.login(email, password) };
  }
}
