import { SchedulerRegistry } from '@nestjs/schedule';
import { SigningKeysService } from '../src/tokens/signing-keys.service';
import { GatewayHarness } from './support/gateway-harness';

const kidOf = (token: string) =>
  String((JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid);

describe('gateway: signing key rotation without downtime', () => {
  let first: GatewayHarness;
  let second: GatewayHarness;

  beforeAll(async () => {
    first = await GatewayHarness.start();
    // A second replica on the same database, as in a deployment with two gateway pods.
    second = await GatewayHarness.start({}, first.world);
  }, 60_000);

  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const jwksKids = async (gateway: GatewayHarness) =>
    (await gateway.call<{ keys: { kid: string }[] }>('GET', '/.well-known/jwks.json')).body.keys.map(
      (key) => key.kid,
    );

  it('runs key maintenance and the idempotency-key sweep as scheduled jobs', () => {
    expect(first.app.get(SchedulerRegistry).getIntervals()).toEqual(
      expect.arrayContaining(['signing-key-maintenance', 'idempotency-key-sweep']),
    );
  });

  it('replicas starting together share one key', async () => {
    expect(await jwksKids(first)).toEqual(await jwksKids(second));
    expect(await jwksKids(first)).toHaveLength(1);
  });

  it('signs with the new key, keeps accepting the old one, and other replicas follow at once', async () => {
    const before = await first.adminToken();
    const oldKid = kidOf(before);
    const newKid = await first.app.get(SigningKeysService).rotate();
    expect(newKid).not.toBe(oldKid);

    const after = await first.login('admin@c2c.local', 'change-me-locally');
    expect(kidOf(after)).toBe(newKid);
    expect(await jwksKids(first)).toEqual(expect.arrayContaining([oldKid, newKid]));
    for (const token of [before, after]) {
      for (const replica of [first, second]) {
        expect((await replica.call('GET', '/api/v1/me', { token })).status).toBe(200);
      }
    }
  });

  it('drops a key from the JWKS, and its tokens, once its last token has expired', async () => {
    const service = first.app.get(SigningKeysService);
    const token = await first.login('admin@c2c.local', 'change-me-locally');
    const kid = kidOf(token);
    // A rotation as if made two hours ago: every older key's tokens expired long since.
    await service.rotate(new Date(Date.now() - 2 * 3_600_000));
    expect(await jwksKids(first)).not.toContain(kid);
    const response = await first.call('GET', '/api/v1/me', { token });
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe('the token was signed with an unknown key');
  });

  it('rotates in its scheduled run once the newest key is older than the rotation period', async () => {
    const service = first.app.get(SigningKeysService);
    const before = await jwksKids(first);
    // The run a day after the rotation period: the newest key is due.
    await service.maintain(new Date(Date.now() + (first.config.SIGNING_KEY_ROTATION_DAYS + 1) * 86_400_000));
    const after = await jwksKids(first);
    expect(after.filter((kid) => !before.includes(kid))).toHaveLength(1);
  });
});
