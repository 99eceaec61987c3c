import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@c2c/auth';
import { provisionServiceDatabase, serviceDatabaseUrl, sqlState } from '@c2c/persistence';
import { createTestDatabase, TestDatabase } from '@c2c/testing';
import { request } from 'undici';
import { GatewayConfig, LOCAL_BOOTSTRAP_ADMIN, readGatewayConfig } from '../../src/config';
import { createGatewayApp } from '../../src/gateway-app';

export const GATEWAY_DATABASE = { schema: 'gateway', role: 'c2c_gateway', password: 'gateway-test' };

/**
 * Provisions the gateway's role and schema. Roles are cluster-wide while the library's provisioning
 * lock is per database, so two test files provisioning their own databases at once can collide on
 * the role ("tuple concurrently updated", XX000); the loser simply tries again.
 */
async function provision(adminUrl: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await provisionServiceDatabase(adminUrl, GATEWAY_DATABASE);
      return;
    } catch (error) {
      if (attempt >= 5 || sqlState(error) !== 'XX000') throw error;
    }
  }
}

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
 * The gateway on a real port against a database of its own, as main.ts builds it, with helpers to
 * call it over HTTP and to make users of each role.
 */
export class GatewayHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: GatewayConfig,
    readonly database: TestDatabase,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string> = {}, database?: TestDatabase): Promise<GatewayHarness> {
    const db = database ?? (await createTestDatabase('gateway'));
    await provision(db.adminUrl);
    const config = readGatewayConfig({
      NODE_ENV: 'test',
      DATABASE_URL: serviceDatabaseUrl(db.adminUrl, GATEWAY_DATABASE),
      LOG_LEVEL: 'silent',
      SIGNING_KEY_PUBLISH_LEAD_SECONDS: '0',
      ...env,
    });
    const app = await createGatewayApp(config);
    await app.listen(0, '127.0.0.1');
    return new GatewayHarness(app, config, db, await app.getUrl());
  }

  async close({ dropDatabase = true } = {}): Promise<void> {
    await this.app.close();
    if (dropDatabase) await this.database.drop();
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
