import { randomUUID } from 'node:crypto';
import { eventually } from '@c2c/testing';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { SIGNING_ALGORITHM, SigningKeysService } from '../src/tokens/signing-keys.service';
import { FakeUpstream } from './support/fake-upstream';
import { GatewayHarness, type TestUser } from './support/gateway-harness';

const problemType = (code: string) => `https://c2c.asianmayorsforum.org/problems/${code}`;
/** A revocation reaches every replica within the user cache's 2 s; this leaves room for a slow machine. */
const WITHIN_SECONDS = { timeout: 6_000, interval: 100 };

describe('gateway: revoking access (deactivation, password and role changes) and token kinds', () => {
  let gateway: GatewayHarness;
  let cities: FakeUpstream;
  let admin: string;

  beforeAll(async () => {
    cities = await FakeUpstream.start(() => ({ body: { items: [], nextCursor: null } }));
    gateway = await GatewayHarness.start({ CITIES_URL: cities.url });
    admin = await gateway.adminToken();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await cities?.stop();
  });

  const me = (token: string) => gateway.call('GET', '/api/v1/me', { token });
  const refusedSoon = (token: string) =>
    eventually(async () => {
      const response = await me(token);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ type: problemType('unauthorized') });
    }, WITHIN_SECONDS);
  const loginStatus = async (user: TestUser, password = user.password) =>
    (await gateway.call('POST', '/api/v1/auth/token', { body: { email: user.email, password } })).status;

  it('refuses a deactivated user its tokens within seconds and its logins like wrong credentials; reactivation lets it log in again', async () => {
    const user = await gateway.user('observer');
    const before = await me(user.token);
    expect(before.status).toBe(200);
    // The version is revocation bookkeeping, not part of the caller's documented profile.
    expect(before.body).not.toHaveProperty('tokenVersion');

    const deactivated = await gateway.call<{ deactivatedAt: string | null }>(
      'POST',
      `/api/v1/users/${user.id}/deactivation`,
      { token: admin, headers: { 'if-match': 'W/"1"' } },
    );
    expect(deactivated.status).toBe(200);
    expect(deactivated.headers.etag).toBe('W/"2"');
    expect(Date.parse(deactivated.body.deactivatedAt ?? '')).not.toBeNaN();
    await refusedSoon(user.token);

    const login = await gateway.call('POST', '/api/v1/auth/token', {
      body: { email: user.email, password: user.password },
    });
    const wrong = await gateway.call('POST', '/api/v1/auth/token', {
      body: { email: user.email, password: 'not-the-password' },
    });
    const answer = ({ status, body }: { status: number; body: Record<string, unknown> }) => {
      const { requestId: _requestId, ...problem } = body;
      return { status, problem };
    };
    expect(answer(login)).toEqual(answer(wrong));
    expect(login.body).toMatchObject({ status: 401, type: problemType('invalid-credentials') });

    const reactivated = await gateway.call<{ deactivatedAt: string | null }>(
      'POST',
      `/api/v1/users/${user.id}/reactivation`,
      { token: admin },
    );
    expect([reactivated.status, reactivated.headers.etag, reactivated.body.deactivatedAt]).toEqual([
      200,
      'W/"3"',
      null,
    ]);
    const again = await gateway.login(user.email, user.password);
    expect((await me(again)).status).toBe(200);
    // The token from before the deactivation stays refused: reactivation is not an amnesty.
    expect((await me(user.token)).status).toBe(401);
  });

  it('refuses the token on another replica, which had the user cached, within seconds', async () => {
    const replica = await GatewayHarness.start({ CITIES_URL: cities.url }, gateway.world);
    try {
      const user = await gateway.user('observer');
      expect((await replica.call('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
      await gateway.call('POST', `/api/v1/users/${user.id}/deactivation`, { token: admin });
      await eventually(async () => {
        expect((await replica.call('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
      }, WITHIN_SECONDS);
    } finally {
      await replica.close();
    }
  });

  it('ends older tokens when the password changes', async () => {
    const user = await gateway.user('observer');
    const changed = await gateway.call('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      headers: { 'if-match': 'W/"1"' },
      body: { password: `new-${randomUUID()}` },
    });
    expect(changed.status).toBe(200);
    await refusedSoon(user.token);
    expect(await loginStatus(user)).toBe(401);
  });

  it('ends older tokens when the role changes, and the new token states the new role', async () => {
    const user = await gateway.user('observer');
    const changed = await gateway.call('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      headers: { 'if-match': 'W/"1"' },
      body: { role: 'secretariat' },
    });
    expect(changed.status).toBe(200);
    await refusedSoon(user.token);
    const fresh = await gateway.login(user.email, user.password);
    expect((await me(fresh)).body).toMatchObject({ roles: ['secretariat'] });
  });

  it('keeps a token working through a change that grants nothing new (a rename)', async () => {
    const user = await gateway.user('observer');
    const renamed = await gateway.call('PATCH', `/api/v1/users/${user.id}`, {
      token: admin,
      headers: { 'if-match': 'W/"1"' },
      body: { name: 'Renamed' },
    });
    expect(renamed.status).toBe(200);
    expect((await me(user.token)).status).toBe(200);
  });

  it('refuses its own key signing anything but an at+jwt access token', async () => {
    const { kid, privateKey } = await gateway.app.get(SigningKeysService).signer();
    const payload = decodeJwt(admin);
    const resigned = (header: { typ?: string }) =>
      new SignJWT(payload).setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, ...header }).sign(privateKey);
    expect((await me(await resigned({ typ: 'at+jwt' }))).status).toBe(200);
    for (const header of [{}, { typ: 'JWT' }, { typ: 'id_token+jwt' }]) {
      const response = await me(await resigned(header));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ detail: 'the token is not an access token (typ)' });
    }
  });

  it('serves the revocation feed only to holders of its secret', async () => {
    const user = await gateway.user('observer');
    await gateway.call('POST', `/api/v1/users/${user.id}/deactivation`, { token: admin });
    const secret = gateway.config.REVOCATION_FEED_SECRET ?? '';
    const refused: Record<string, string>[] = [
      {},
      { 'x-c2c-revocation-key': 'a-wrong-secret-that-is-long-enough' },
    ];
    for (const headers of refused) {
      expect((await gateway.call('GET', '/.well-known/c2c-revocations', { headers })).status).toBe(404);
    }
    const feed = await gateway.call<{
      windowSeconds: number;
      entries: { sub: string; tokenVersion: number }[];
    }>('GET', '/.well-known/c2c-revocations', { headers: { 'x-c2c-revocation-key': secret } });
    expect(feed.status).toBe(200);
    expect(feed.body.windowSeconds).toBeGreaterThan(gateway.config.TOKEN_TTL_SECONDS);
    expect(feed.body.entries).toEqual(
      expect.arrayContaining([expect.objectContaining({ sub: user.id, tokenVersion: 2 })]),
    );
  });

  it("sends a service a short-lived token for that service's audience, never the caller's own", async () => {
    const user = await gateway.user('observer');
    expect((await gateway.call('GET', '/api/v1/cities', { token: user.token })).status).toBe(200);
    const forwarded = String(cities.requests.at(-1)?.headers.authorization ?? '');
    expect(forwarded).toMatch(/^Bearer /);
    const internal: string = forwarded.slice('Bearer '.length);
    expect(internal).not.toBe(user.token);
    const claims = decodeJwt(internal);
    expect(decodeProtectedHeader(internal)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(claims).toMatchObject({
      iss: 'urn:c2c:gateway',
      aud: 'urn:c2c:service:cities',
      sub: user.id,
      roles: ['observer'],
      token_version: 1,
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(60);
    // Cached per caller and service: the next call reuses it.
    await gateway.call('GET', '/api/v1/cities', { token: user.token });
    expect(cities.requests.at(-1)?.headers.authorization).toBe(forwarded);
    // And the gateway never accepts an internal token from a client.
    expect((await me(internal)).status).toBe(401);
  });
});
