import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GatewayHarness } from './support/gateway-harness';

describe('gateway HTTP edge: errors, headers, docs, catalogue', () => {
  let gateway: GatewayHarness;
  let admin: string;
  const catalogDir = mkdtempSync(path.join(tmpdir(), 'c2c-catalog-'));
  const catalog = path.join(catalogDir, 'asyncapi.yaml');

  beforeAll(async () => {
    gateway = await GatewayHarness.start({
      CORS_ORIGINS: 'https://admin.c2c.example',
      ASYNCAPI_PATH: catalog,
      BODY_LIMIT_BYTES: '65536',
    });
    admin = await gateway.adminToken();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  describe('problem+json', () => {
    it('lists each failing field of an invalid body', async () => {
      const response = await gateway.call<{ errors: { field: string; message: string }[] }>(
        'POST',
        '/api/v1/users',
        {
          token: admin,
          body: {
            email: 'not-an-email',
            name: '',
            password: 'short',
            role: 'observer',
            commissionIds: ['x'],
          },
        },
      );
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(response.body).toMatchObject({
        type: 'https://c2c.asianmayorsforum.org/problems/validation-error',
        title: 'The request is not valid',
        status: 400,
        instance: '/api/v1/users',
        requestId: response.headers['x-request-id'],
      });
      expect(new Set(response.body.errors.map((error) => error.field))).toEqual(
        new Set(['email', 'name', 'password', 'commissionIds']),
      );
    });

    it('refuses an unknown property', async () => {
      const response = await gateway.call('POST', '/api/v1/auth/token', {
        body: { email: 'admin@c2c.local', password: 'change-me-locally', admin: true },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        errors: [{ field: 'admin', message: 'property admin should not exist' }],
      });
    });

    it('refuses a body over the limit with 413', async () => {
      const response = await gateway.call('POST', '/api/v1/auth/token', {
        body: { email: 'admin@c2c.local', password: 'x'.repeat(70_000) },
      });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({
        type: 'https://c2c.asianmayorsforum.org/problems/payload-too-large',
      });
    });

    it('answers an unknown route with a 404 problem', async () => {
      const response = await gateway.call('GET', '/api/v1/nothing-here', { token: admin });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ type: 'https://c2c.asianmayorsforum.org/problems/not-found' });
    });
  });

  describe('headers', () => {
    it('sends security headers and a request id on every answer', async () => {
      for (const [method, url] of [
        ['GET', '/api/v1/me'],
        ['GET', '/health/live'],
        ['GET', '/nope'],
      ] as const) {
        const response = await gateway.call(method, url);
        expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['content-security-policy']).toBe(
          "default-src 'none'; frame-ancestors 'none'",
        );
        expect(response.headers['x-frame-options']).toBe('DENY');
        expect(response.headers['cache-control']).toContain('no-store');
        expect(response.headers['strict-transport-security']).toBeDefined();
      }
    });

    it('gives the documentation pages the headers a browser page needs', async () => {
      const page = await gateway.call('GET', '/docs');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(page.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const asset = await gateway.call('GET', '/docs/static/swagger-ui.css');
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toMatch(/^text\/css/);
    });

    it('allows CORS for the configured origin only', async () => {
      const preflight = (origin: string) => gateway.call('GET', '/api/v1/me', { headers: { origin } });
      const allowed = await preflight('https://admin.c2c.example');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://admin.c2c.example');
      expect(allowed.headers['access-control-expose-headers']).toContain('etag');
      const other = await preflight('https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('documentation', () => {
    it('serves interactive docs and the OpenAPI document', async () => {
      const page = await gateway.call('GET', '/docs');
      expect(page.status).toBe(200);
      expect(page.text).toContain('swagger-ui-bundle.js');
      const bundle = await gateway.call('GET', '/docs/static/swagger-ui-bundle.js');
      expect(bundle.status).toBe(200);
      expect(bundle.text.length).toBeGreaterThan(100_000);
      // A token pasted into the page must not stay in the browser's storage after the tab closes.
      const init = await gateway.call('GET', '/docs/static/swagger-initializer.js');
      expect(init.status).toBe(200);
      expect(init.text).toMatch(/persistAuthorization"?\s*:\s*false/);
      const document = await gateway.call<{ openapi: string }>('GET', '/docs/openapi.json');
      expect(document.body.openapi).toBe('3.1.0');
    });

    it('serves the event catalogue when generated, and a 503 problem when not', async () => {
      const missing = await gateway.call('GET', '/api/v1/events/catalog');
      expect(missing.status).toBe(503);
      expect(missing.body).toMatchObject({
        type: 'https://c2c.asianmayorsforum.org/problems/service-unavailable',
      });

      writeFileSync(catalog, 'asyncapi: 3.0.0\ninfo:\n  title: C2C events\n');
      const served = await gateway.call('GET', '/api/v1/events/catalog');
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('application/yaml; charset=utf-8');
      expect(served.text).toContain('asyncapi: 3.0.0');
    });
  });
});
