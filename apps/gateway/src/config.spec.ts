import path from 'node:path';
import { ConfigError } from '@c2c/platform';
import { LOCAL_BOOTSTRAP_ADMIN, readGatewayConfig, trustProxyOf } from './config';

const DATABASE_URL = 'postgres://u:p@127.0.0.1:5433/c2c';

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
  it('uses the local bootstrap account and key secret outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      const config = readGatewayConfig({ DATABASE_URL, NODE_ENV });
      expect(config.PORT).toBe(3000);
      expect(config.HOST).toBe('127.0.0.1');
      expect(config.BOOTSTRAP_ADMIN_EMAIL).toBe(LOCAL_BOOTSTRAP_ADMIN.email);
      expect(config.BOOTSTRAP_ADMIN_PASSWORD).toBe(LOCAL_BOOTSTRAP_ADMIN.password);
      expect(config.SIGNING_KEY_SECRET).toBeDefined();
    }
  });

  it('refuses to start in production without the bootstrap account and key secret', () => {
    const message = configError({ DATABASE_URL, NODE_ENV: 'production' });
    expect(message).toContain('BOOTSTRAP_ADMIN_EMAIL is required in production');
    expect(message).toContain('BOOTSTRAP_ADMIN_PASSWORD is required in production');
    expect(message).toContain('SIGNING_KEY_SECRET is required in production');
  });

  it('refuses the local default password in production', () => {
    const message = configError({
      DATABASE_URL,
      NODE_ENV: 'production',
      BOOTSTRAP_ADMIN_EMAIL: 'secretariat@amf.example',
      BOOTSTRAP_ADMIN_PASSWORD: LOCAL_BOOTSTRAP_ADMIN.password,
      SIGNING_KEY_SECRET: 's'.repeat(40),
    });
    expect(message).toContain('must not be the local default');
  });

  it('starts in production with everything given', () => {
    const config = readGatewayConfig({
      DATABASE_URL,
      NODE_ENV: 'production',
      BOOTSTRAP_ADMIN_EMAIL: 'secretariat@amf.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'a-long-production-password',
      SIGNING_KEY_SECRET: 's'.repeat(40),
    });
    expect(config.BOOTSTRAP_ADMIN_EMAIL).toBe('secretariat@amf.example');
  });

  it('checks the OIDC settings and the role map', () => {
    const message = configError({
      DATABASE_URL,
      OIDC_ISSUER: 'https://idp.example',
      OIDC_ROLE_MAP: 'admins=root',
    });
    expect(message).toContain('OIDC_JWKS_URL is required when OIDC_ISSUER is set');
    expect(message).toContain('OIDC_ROLE_MAP: "admins=root" is not provider-role=platform-role');
  });

  it('checks the CORS origins', () => {
    expect(configError({ DATABASE_URL, CORS_ORIGINS: 'not an origin' })).toContain(
      'CORS_ORIGINS must be a comma-separated list of http(s) origins',
    );
    expect(
      readGatewayConfig({ DATABASE_URL, CORS_ORIGINS: 'https://a.example, http://localhost:5173' })
        .CORS_ORIGINS,
    ).toBe('https://a.example, http://localhost:5173');
  });

  it("reads the services' API documents from docs/api unless told otherwise", () => {
    expect(readGatewayConfig({ DATABASE_URL }).SERVICE_API_DOCS_DIR).toBe(
      path.resolve(process.cwd(), 'docs/api'),
    );
    expect(readGatewayConfig({ DATABASE_URL, SERVICE_API_DOCS_DIR: '/srv/api' }).SERVICE_API_DOCS_DIR).toBe(
      '/srv/api',
    );
  });

  it('reads TRUST_PROXY as a flag, a hop count or addresses', () => {
    expect(trustProxyOf(readGatewayConfig({ DATABASE_URL, TRUST_PROXY: 'true' }))).toBe(true);
    expect(trustProxyOf(readGatewayConfig({ DATABASE_URL, TRUST_PROXY: '2' }))).toBe(2);
    expect(trustProxyOf(readGatewayConfig({ DATABASE_URL }))).toBe('loopback,linklocal,uniquelocal');
  });
});
