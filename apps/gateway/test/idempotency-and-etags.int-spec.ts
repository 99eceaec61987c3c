import { randomUUID } from 'node:crypto';
import { eventually } from '@c2c/testing';
import { FakeUpstream, Gate } from './support/fake-upstream';
import { GatewayHarness } from './support/gateway-harness';

const newUser = () => ({
  email: `i-${randomUUID()}@example.org`,
  name: 'Idem',
  password: 'long-enough-password',
  role: 'observer',
});

describe('gateway: Idempotency-Key and ETag / If-Match over HTTP', () => {
  let gateway: GatewayHarness;
  let upstream: FakeUpstream;
  let admin: string;

  beforeAll(async () => {
    upstream = await FakeUpstream.start();
    gateway = await GatewayHarness.start({ CITIES_URL: upstream.url });
    admin = await gateway.adminToken();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await upstream?.stop();
  });

  const post = (body: unknown, key: string, token = admin) =>
    gateway.call<{ id: string }>('POST', '/api/v1/users', {
      token,
      body,
      headers: { 'idempotency-key': key },
    });

  describe('Idempotency-Key', () => {
    it('replays the stored answer for the same key and body, doing the work once', async () => {
      const key = randomUUID();
      const body = newUser();
      const first = await post(body, key);
      expect(first.status).toBe(201);
      expect(first.headers['idempotency-replayed']).toBeUndefined();

      // Same body, keys in another order: the same request.
      const replay = await post(
        { role: body.role, password: body.password, name: body.name, email: body.email },
        key,
      );
      expect(replay.status).toBe(201);
      expect(replay.headers['idempotency-replayed']).toBe('true');
      expect(replay.body).toEqual(first.body);
      expect(replay.headers.location).toBe(first.headers.location);
      expect(replay.headers.etag).toBe(first.headers.etag);

      // Without the key the same body is a new request, which then conflicts: only one user exists.
      const again = await gateway.call('POST', '/api/v1/users', { token: admin, body });
      expect(again.status).toBe(409);
    });

    it('refuses the same key with a different body (422)', async () => {
      const key = randomUUID();
      expect((await post(newUser(), key)).status).toBe(201);
      const reused = await post(newUser(), key);
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({
        type: 'https://c2c.asianmayorsforum.org/problems/idempotency-key-reused',
      });
    });

    it('keeps keys per user', async () => {
      const other = await gateway.user('secretariat', {}, admin);
      const key = randomUUID();
      const mine = await post(newUser(), key);
      const theirs = await post(newUser(), key, other.token);
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(theirs.headers['idempotency-replayed']).toBeUndefined();
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('releases the key of a failed request, so the corrected retry runs', async () => {
      const key = randomUUID();
      const invalid = await post({ ...newUser(), role: 'emperor' }, key);
      expect(invalid.status).toBe(400);
      const corrected = await post(newUser(), key);
      expect(corrected.status).toBe(201);
      expect(corrected.headers['idempotency-replayed']).toBeUndefined();
    });

    it('refuses a malformed key', async () => {
      const response = await post(newUser(), 'x'.repeat(300));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ errors: [{ field: 'Idempotency-Key' }] });
    });

    it('never stores tokens: the login route ignores the header', async () => {
      const headers = { 'idempotency-key': randomUUID() };
      const a = await gateway.login('admin@c2c.local', 'change-me-locally', headers);
      const b = await gateway.login('admin@c2c.local', 'change-me-locally', headers);
      expect(a).not.toBe(b);
    });

    it('replays a proxied answer without calling the service again, and forwards the key', async () => {
      upstream.behaviour = () => ({
        status: 201,
        body: { id: randomUUID() },
        headers: { location: '/cities/x' },
      });
      const key = randomUUID();
      const body = { name: 'Tehran', countryCode: 'IR', level: 'metropolitan-city' };
      const call = () =>
        gateway.call('POST', '/api/v1/cities', { token: admin, body, headers: { 'idempotency-key': key } });
      const first = await call();
      const second = await call();
      expect(first.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.location).toBe('/api/v1/cities/x');
      expect(second.headers['idempotency-replayed']).toBe('true');
      const received = upstream
        .hits('/cities')
        .filter((request) => request.headers['idempotency-key'] === key);
      expect(received).toHaveLength(1);
    });

    it('answers 409 while the first request with the key is still running', async () => {
      // The first request is held at the service until the concurrent one has been answered.
      const held = new Gate();
      upstream.behaviour = () => ({ status: 201, body: { id: 'slow' }, until: held.opened });
      const key = randomUUID();
      const body = { name: 'Slow', countryCode: 'IR', level: 'other' };
      const headers = { 'idempotency-key': key };
      const first = gateway.call('POST', '/api/v1/cities', { token: admin, body, headers });
      try {
        await eventually(() =>
          expect(upstream.hits('/cities').some((request) => request.headers['idempotency-key'] === key)).toBe(
            true,
          ),
        );
        const concurrent = await gateway.call('POST', '/api/v1/cities', { token: admin, body, headers });
        expect(concurrent.status).toBe(409);
        expect(concurrent.headers['retry-after']).toBe('1');
      } finally {
        held.open();
      }
      expect((await first).status).toBe(201);
      const after = await gateway.call('POST', '/api/v1/cities', { token: admin, body, headers });
      expect(after.headers['idempotency-replayed']).toBe('true');
    });
  });

  describe('ETag / If-Match', () => {
    it('reads with an ETag, requires If-Match to change, refuses a stale one', async () => {
      const created = await post(newUser(), randomUUID());
      const url = `/api/v1/users/${created.body.id}`;
      const read = await gateway.call('GET', url, { token: admin });
      expect(read.headers.etag).toBe('W/"1"');

      const patch = (ifMatch?: string) =>
        gateway.call('PATCH', url, {
          token: admin,
          body: { name: `n-${randomUUID()}` },
          headers: ifMatch ? { 'if-match': ifMatch } : {},
        });
      const missing = await patch();
      expect(missing.status).toBe(428);
      expect(missing.body).toMatchObject({
        type: 'https://c2c.asianmayorsforum.org/problems/precondition-required',
      });

      const changed = await patch('W/"1"');
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).toBe('W/"2"');

      const stale = await patch('W/"1"');
      expect(stale.status).toBe(412);
      expect(stale.headers.etag).toBe('W/"2"');
      expect(stale.body).toMatchObject({
        type: 'https://c2c.asianmayorsforum.org/problems/precondition-failed',
      });
      expect((await patch('"2"')).status).toBe(200);
    });

    it('on proxied updates: 428 at the gateway, If-Match forwarded, a stale answer passed on', async () => {
      const id = randomUUID();
      upstream.behaviour = (request) =>
        request.headers['if-match'] === 'W/"7"'
          ? { status: 200, body: { id, version: 8 }, headers: { etag: 'W/"8"' } }
          : {
              status: 412,
              body: { type: 'https://c2c.asianmayorsforum.org/problems/precondition-failed', status: 412 },
            };
      const url = `/api/v1/cities/${id}`;
      const before = upstream.hits(`/cities/${id}`).length;
      const missing = await gateway.call('PATCH', url, { token: admin, body: { population: 5 } });
      expect(missing.status).toBe(428);
      expect(upstream.hits(`/cities/${id}`)).toHaveLength(before);

      const ok = await gateway.call('PATCH', url, {
        token: admin,
        body: { population: 5 },
        headers: { 'if-match': 'W/"7"' },
      });
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('W/"8"');
      const stale = await gateway.call('PATCH', url, {
        token: admin,
        body: { population: 5 },
        headers: { 'if-match': 'W/"6"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
