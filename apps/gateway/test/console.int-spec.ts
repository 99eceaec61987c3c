import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildConsole } from '@c2c/testing';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../src/console/serve-console';
import { GatewayHarness } from './support/gateway-harness';

describe('gateway serving the web console', () => {
  let gateway: GatewayHarness;
  let consoleDir: string;

  beforeAll(async () => {
    consoleDir = buildConsole();
    gateway = await GatewayHarness.start({ CONSOLE_DIR: consoleDir });
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('serves index.html under the console CSP, revalidated on every visit', async () => {
    const response = await gateway.call('GET', '/console/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.text).toContain('<div id="root"></div>');
  });

  it('answers a deep link with index.html, so the app routes it', async () => {
    const [deep, index] = await Promise.all([
      gateway.call('GET', '/console/partnerships/0b0d7d5e-2d0b-4a0e-9a39-7a4c1b2c3d4e?tab=history'),
      gateway.call('GET', '/console/'),
    ]);
    expect(deep.status).toBe(200);
    expect(deep.text).toBe(index.text);
    expect(deep.headers['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
  });

  it('serves a hashed asset with a year-long immutable cache, and a missing file as a 404', async () => {
    const script = readdirSync(path.join(consoleDir, 'assets')).find((name) => name.endsWith('.js'));
    expect(script).toBeDefined();
    const asset = await gateway.call('GET', `/console/assets/${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.text).toBe(readFileSync(path.join(consoleDir, 'assets', script!), 'utf8'));
    const missing = await gateway.call('GET', '/console/assets/nothing-here-0000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('leaves the API and the docs with their own headers', async () => {
    const api = await gateway.call('GET', '/api/v1/me');
    expect(api.status).toBe(401);
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['cache-control']).toBe('no-store');
    const token = await gateway.adminToken();
    const me = await gateway.call<{ email: string }>('GET', '/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBeTruthy();
    const docs = await gateway.call('GET', '/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(docs.headers['content-security-policy']).not.toBe(CONSOLE_CONTENT_SECURITY_POLICY);
  });

  it('ships an index.html without inline scripts or styles and with nothing from another origin', async () => {
    const html = (await gateway.call('GET', '/console/')).text;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/console\/assets\/[^"]+\.js"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe('gateway without a built console', () => {
  let gateway: GatewayHarness;

  beforeAll(async () => {
    gateway = await GatewayHarness.start({
      CONSOLE_DIR: mkdtempSync(path.join(tmpdir(), 'c2c-no-console-')),
    });
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  it('answers every console path with a 503 problem saying how to build it, and the API still works', async () => {
    for (const url of ['/console', '/console/', '/console/map']) {
      const response = await gateway.call<{ status: number; detail: string }>('GET', url);
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toContain('vite build');
    }
    expect((await gateway.call('GET', '/api/v1/me')).status).toBe(401);
  });
});
