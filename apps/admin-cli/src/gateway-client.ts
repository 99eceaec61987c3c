/** Where the CLI finds the gateway and how it proves it acts for the secretariat. */
export interface GatewaySettings {
  url: string;
  credentials: { token: string } | { email: string; password: string };
}

/** A setting the environment lacks or gets wrong: a usage error (exit 2), like a bad argument. */
export class SettingsError extends Error {}

/** An answer of the gateway that is not a success: its status and problem detail. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    const problem = body as {
      title?: unknown;
      detail?: unknown;
      errors?: { field: string; message: string }[];
    };
    const fields = (problem.errors ?? []).map((e) => `${e.field}: ${e.message}`).join('; ');
    const detail = [problem.title, problem.detail, fields].filter(
      (part) => typeof part === 'string' && part !== '',
    );
    super(`the gateway answered ${status}${detail.length > 0 ? `: ${detail.join(' — ')}` : ''}`);
  }
}

export function settingsFrom(env: NodeJS.ProcessEnv): GatewaySettings {
  const url = (env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(url))
    throw new SettingsError(`GATEWAY_URL must be an http(s) URL, not "${url}"`);
  if (env.C2C_ADMIN_TOKEN) return { url, credentials: { token: env.C2C_ADMIN_TOKEN } };
  if (env.C2C_ADMIN_EMAIL && env.C2C_ADMIN_PASSWORD) {
    return { url, credentials: { email: env.C2C_ADMIN_EMAIL, password: env.C2C_ADMIN_PASSWORD } };
  }
  throw new SettingsError(
    'set C2C_ADMIN_TOKEN to a secretariat bearer token, or C2C_ADMIN_EMAIL and C2C_ADMIN_PASSWORD to a secretariat login',
  );
}

/** The gateway's public API as the secretariat: signs in once (if given a login), then calls. */
export class GatewayClient {
  private token: Promise<string> | undefined;

  constructor(
    private readonly settings: GatewaySettings,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body, await this.bearer());
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) throw new GatewayError(response.status, parsed ?? {});
    return parsed as T;
  }

  private bearer(): Promise<string> {
    const { credentials } = this.settings;
    if ('token' in credentials) return Promise.resolve(credentials.token);
    this.token ??= this.send('POST', '/api/v1/auth/token', credentials).then(async (response) => {
      const body = (await response.json().catch(() => ({}))) as { accessToken?: string };
      if (!response.ok || body.accessToken === undefined) throw new GatewayError(response.status, body);
      return body.accessToken;
    });
    return this.token;
  }

  private send(method: string, path: string, body: unknown, token?: string): Promise<Response> {
    return this.fetchFn(`${this.settings.url}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}
