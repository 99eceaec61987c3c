import argon2 from 'argon2';
import { freePort, startEntryPoint } from '@c2c/testing';
import { LOCAL_BOOTSTRAP_ADMIN } from '../src/config';
import { GATEWAY, GatewayHarness } from './support/gateway-harness';

const startGatewayProcess = (env: Record<string, string>) => startEntryPoint('apps/gateway/src/main.ts', env);

const kidOf = (token: string) =>
  String((JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid);

/** A deployment's own secrets: no local default among them. */
const DEPLOYED = {
  ALLOW_LOCAL_DEFAULTS: 'false',
  BOOTSTRAP_ADMIN_EMAIL: 'secretariat@amf.example',
  BOOTSTRAP_ADMIN_PASSWORD: 'a-deployment-secret-password',
  SIGNING_KEY_SECRET: 'a-deployment-secret-that-is-not-committed-anywhere',
  REVOCATION_FEED_SECRET: 'a-deployment-revocation-feed-secret-0001',
};

describe('gateway: fail closed at start', () => {
  it.each([
    ['NODE_ENV unset', {}],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ])(
    'a process started without ALLOW_LOCAL_DEFAULTS and without secrets (%s) exits non-zero naming each',
    async (_case, env) => {
      const app = startGatewayProcess({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none', ...env });
      try {
        expect(await app.exited).toBe(1);
        const output = app.output();
        expect(output).toContain('Invalid configuration');
        for (const name of [
          'BOOTSTRAP_ADMIN_EMAIL',
          'BOOTSTRAP_ADMIN_PASSWORD',
          'SIGNING_KEY_SECRET',
          'REVOCATION_FEED_SECRET',
        ]) {
          expect(output).toContain(`${name} is required`);
        }
        expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
      } finally {
        if (app.child.exitCode === null) app.child.kill('SIGKILL');
      }
    },
    60_000,
  );

  describe('after a run with the local defaults, on the same database', () => {
    let local: GatewayHarness;
    let deployed: GatewayHarness | undefined;

    beforeAll(async () => {
      // A local run: it creates admin@c2c.local with the committed password, and a signing key stored
      // under the committed secret.
      local = await GatewayHarness.start();
    }, 60_000);

    afterAll(async () => {
      await deployed?.close();
      await local?.close();
    });

    it('refuses to start while the bootstrap account still has the local default password, naming it', async () => {
      await local.adminToken();
      // The real process: a refused start must end it, with the message and no stack trace.
      const app = startGatewayProcess({
        ...local.world.environment(GATEWAY.database),
        ...DEPLOYED,
        PORT: String(await freePort()),
      });
      try {
        expect(await app.exited).toBe(1);
        expect(app.output()).toContain(
          `the account ${LOCAL_BOOTSTRAP_ADMIN.email} still has the local default password`,
        );
        expect(app.output()).not.toMatch(/\n\s+at /);
      } finally {
        if (app.child.exitCode === null) app.child.kill('SIGKILL');
      }
    }, 60_000);

    it('rotates the keys stored under the committed secret at once: their tokens stop verifying', async () => {
      const oldToken = await local.adminToken();
      const oldKid = kidOf(oldToken);
      // The operator changed the password, as the refusal asked.
      await local.world.sql('update gateway.users set password_hash = $1 where email = $2', [
        await argon2.hash('a-changed-admin-password', { type: argon2.argon2id }),
        LOCAL_BOOTSTRAP_ADMIN.email,
      ]);

      deployed = await GatewayHarness.start(DEPLOYED, local.world);

      const jwks = await deployed.call<{ keys: { kid: string }[] }>('GET', '/.well-known/jwks.json');
      expect(jwks.body.keys.map((key) => key.kid)).not.toContain(oldKid);
      expect((await deployed.call('GET', '/api/v1/me', { token: oldToken })).status).toBe(401);
      const [row] = await local.world.sql<{ retired: boolean }>(
        'select retires_at <= now() as retired from gateway.signing_keys where kid = $1',
        [oldKid],
      );
      expect(row?.retired).toBe(true);

      const newToken = await deployed.login(LOCAL_BOOTSTRAP_ADMIN.email, 'a-changed-admin-password');
      expect(kidOf(newToken)).not.toBe(oldKid);
      expect((await deployed.call('GET', '/api/v1/me', { token: newToken })).status).toBe(200);
    });
  });
});
