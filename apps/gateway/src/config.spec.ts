import path from 'node:path';
import { ConfigError } from '@c2c/platform';
import { LOCAL_BOOTSTRAP_ADMIN, LOCAL_SIGNING_KEY_SECRET, readGatewayConfig, trustProxyOf } from './config';

const DATABASE_URL = 'postgres://u:p@127.0.0.1:5433/c2c';
/** A local run, as tools/start.mjs and the test harness configure it. */
const LOCAL = { DATABASE_URL, ALLOW_LOCAL_DEFAULTS: 'true' };
const SECRETS = {
  BOOTSTRAP_ADMIN_EMAIL: 'secretariat@amf.example',
  BOOTSTRAP_ADMIN_PASSWORD: 'a-long-production-password',
  SIGNING_KEY_SECRET: 's'.repeat(40),
  REVOCATION_FEED_SECRET: 'r'.repeat(40),
};

function configError(env: Record<string, string>): string {
  try {
    readGatewayConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('readGatewayConfig', () => {
  it('uses the local bootstrap account and key secret only with ALLOW_LOCAL_DEFAULTS=true', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = readGatewayConfig({ ...LOCAL, NODE_ENV });
      expect(config.PORT).toBe(3000);
      expect(config.HOST).toBe('127.0.0.1');
      expect(config.BOOTSTRAP_ADMIN_EMAIL).toBe(LOCAL_BOOTSTRAP_ADMIN.email);
      expect(config.BOOTSTRAP_ADMIN_PASSWORD).toBe(LOCAL_BOOTSTRAP_ADMIN.password);
      expect(config.SIGNING_KEY_SECRET).toBe(LOCAL_SIGNING_KEY_SECRET);
    }
  });

  it.each([
    ['NODE_ENV unset', {}],
    ['development', { NODE_ENV: 'development' }],
    ['production', { NODE_ENV: 'production' }],
    ['ALLOW_LOCAL_DEFAULTS=false', { ALLOW_LOCAL_DEFAULTS: 'false' }],
  ])('fails closed without the secrets (%s), naming each missing variable', (_case, env) => {
    const message = configError({ DATABASE_URL, ...env });
    for (const name of [
      'BOOTSTRAP_ADMIN_EMAIL',
      'BOOTSTRAP_ADMIN_PASSWORD',
      'SIGNING_KEY_SECRET',
      'REVOCATION_FEED_SECRET',
    ]) {
      expect(message).toContain(`${name} is required`);
    }
  });

  it('refuses ALLOW_LOCAL_DEFAULTS=true in production', () => {
    const message = configError({ ...LOCAL, ...SECRETS, NODE_ENV: 'production' });
    expect(message).toContain('ALLOW_LOCAL_DEFAULTS must not be true in production');
  });

  it('refuses the local default password and key secret unless local defaults are allowed', () => {
    const message = configError({
      DATABASE_URL,
      ...SECRETS,
      BOOTSTRAP_ADMIN_PASSWORD: LOCAL_BOOTSTRAP_ADMIN.password,
      SIGNING_KEY_SECRET: LOCAL_SIGNING_KEY_SECRET,
    });
    expect(message).toContain('BOOTSTRAP_ADMIN_PASSWORD must not be the local default');
    expect(message).toContain('SIGNING_KEY_SECRET must not be the committed local default');
  });

  it('starts with everything given, in production or not', () => {
    for (const NODE_ENV of ['production', 'development']) {
      const config = readGatewayConfig({ DATABASE_URL, NODE_ENV, ...SECRETS });
      expect(config.BOOTSTRAP_ADMIN_EMAIL).toBe('secretariat@amf.example');
      expect(config.SIGNING_KEY_SECRET).toBe(SECRETS.SIGNING_KEY_SECRET);
    }
  });

  it('refuses an OIDC_ISSUER equal to TOKEN_ISSUER', () => {
    const message = configError({
      ...LOCAL,
      OIDC_ISSUER: 'urn:c2c:gateway',
      OIDC_JWKS_URL: 'https://idp.example/jwks',
    });
    expect(message).toContain('OIDC_ISSUER must differ from TOKEN_ISSUER');
    expect(() =>
      readGatewayConfig({
        ...LOCAL,
        OIDC_ISSUER: 'https://idp.example',
        OIDC_JWKS_URL: 'https://idp.example/jwks',
      }),
    ).not.toThrow();
  });

  it('reads the provider token maximum age, an hour unless told otherwise', () => {
    expect(readGatewayConfig(LOCAL).OIDC_MAX_TOKEN_AGE_SECONDS).toBe(3600);
    expect(
      readGatewayConfig({ ...LOCAL, OIDC_MAX_TOKEN_AGE_SECONDS: '300' }).OIDC_MAX_TOKEN_AGE_SECONDS,
    ).toBe(300);
    expect(configError({ ...LOCAL, OIDC_MAX_TOKEN_AGE_SECONDS: '0' })).toContain(
      'OIDC_MAX_TOKEN_AGE_SECONDS',
    );
  });

  it('has no default address for the services not built yet', () => {
    const config = readGatewayConfig(LOCAL);
    expect(config.COMMISSIONS_URL).toBeUndefined();
    expect(config.NOTIFICATIONS_URL).toBeUndefined();
    expect(readGatewayConfig({ ...LOCAL, COMMISSIONS_URL: 'http://commissions:3003' }).COMMISSIONS_URL).toBe(
      'http://commissions:3003',
    );
  });

  it('checks the OIDC settings and the role map', () => {
    const message = configError({
      ...LOCAL,
      OIDC_ISSUER: 'https://idp.example',
      OIDC_ROLE_MAP: 'admins=root',
    });
    expect(message).toContain('OIDC_JWKS_URL is required when OIDC_ISSUER is set');
    expect(message).toContain('OIDC_ROLE_MAP: "admins=root" is not provider-role=platform-role');
  });

  it('checks the CORS origins', () => {
    expect(configError({ ...LOCAL, CORS_ORIGINS: 'not an origin' })).toContain(
      'CORS_ORIGINS must be a comma-separated list of http(s) origins',
    );
    expect(
      readGatewayConfig({ ...LOCAL, CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).CORS_ORIGINS,
    ).toBe('https://a.example, http://localhost:5173');
  });

  it("reads the services' API documents from docs/api unless told otherwise", () => {
    expect(readGatewayConfig(LOCAL).SERVICE_API_DOCS_DIR).toBe(path.resolve(process.cwd(), 'docs/api'));
    expect(readGatewayConfig({ ...LOCAL, SERVICE_API_DOCS_DIR: '/srv/api' }).SERVICE_API_DOCS_DIR).toBe(
      '/srv/api',
    );
  });

  it('reads TRUST_PROXY as a flag, a hop count or addresses, trusting no proxy by default', () => {
    expect(trustProxyOf(readGatewayConfig(LOCAL))).toBe(false);
    expect(trustProxyOf(readGatewayConfig({ ...LOCAL, TRUST_PROXY: '2' }))).toBe(2);
    expect(trustProxyOf(readGatewayConfig({ ...LOCAL, TRUST_PROXY: '10.0.0.0/8, 192.168.1.7' }))).toBe(
      '10.0.0.0/8, 192.168.1.7',
    );
    expect(configError({ ...LOCAL, TRUST_PROXY: 'everyone; really' })).toContain('TRUST_PROXY must be');
  });

  it('checks the login lockout bounds', () => {
    expect(
      configError({ ...LOCAL, LOGIN_LOCKOUT_BASE_SECONDS: '600', LOGIN_LOCKOUT_MAX_SECONDS: '60' }),
    ).toContain('LOGIN_LOCKOUT_MAX_SECONDS must be at least LOGIN_LOCKOUT_BASE_SECONDS');
  });
});
