import { randomUUID } from 'node:crypto';
import { platformClaimsOf } from '@c2c/auth';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { SigningKeysService } from '../src/tokens/signing-keys.service';
import { GatewayHarness } from './support/gateway-harness';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

describe('gateway: forged and stale tokens get 401', () => {
  let gateway: GatewayHarness;
  let officer: { id: string; token: string };
  let kid: string;
  const cityId = randomUUID();

  const claims = () => ({
    ...platformClaimsOf({ email: 'evil@example.org', roles: ['secretariat'] }),
    sub: officer.id,
    iss: gateway.config.TOKEN_ISSUER,
    aud: gateway.config.TOKEN_AUDIENCE,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 600,
  });

  /** Signs with the gateway's real current key: only the claims under test are wrong. */
  async function signedByGateway(overrides: Record<string, unknown>): Promise<string> {
    const { kid: current, privateKey } = await gateway.app.get(SigningKeysService).signer();
    return new SignJWT({ ...claims(), ...overrides })
      .setProtectedHeader({ alg: 'ES256', kid: current, typ: 'at+jwt' })
      .sign(privateKey);
  }

  beforeAll(async () => {
    gateway = await GatewayHarness.start();
    officer = await gateway.user('city-officer', { cityId });
    kid = String(decode(officer.token.split('.')[0]).kid);
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
  });

  async function expectRejected(token: string, why: RegExp): Promise<void> {
    for (const path of ['/api/v1/me', '/api/v1/users']) {
      const response = await gateway.call('GET', path, { token });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
      expect(response.body).toMatchObject({ type: 'https://c2c.asianmayorsforum.org/problems/unauthorized' });
      expect(String(response.body.detail)).toMatch(why);
    }
  }

  it('accepts the genuine token (control)', async () => {
    expect((await gateway.call('GET', '/api/v1/me', { token: officer.token })).status).toBe(200);
  });

  it('refuses no token, and a token that is not a bearer token', async () => {
    const none = await gateway.call('GET', '/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    const basic = await gateway.call('GET', '/api/v1/me', {
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    expect(basic.status).toBe(401);
  });

  it('refuses alg "none"', async () => {
    await expectRejected(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, /algorithm is not allowed/);
  });

  it('refuses HS256 keyed with the published public key (algorithm confusion)', async () => {
    const jwks = await gateway.call<{ keys: object[] }>('GET', '/.well-known/jwks.json');
    const secret = new TextEncoder().encode(JSON.stringify(jwks.body.keys[0]));
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid }).sign(secret);
    await expectRejected(token, /algorithm is not allowed/);
  });

  it('refuses a token signed by another key under the real kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid }).sign(privateKey);
    await expectRejected(token, /signature is not valid/);
  });

  it('refuses an unknown kid', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const unknown = `attacker-${(await exportJWK(publicKey)).x ?? ''}`;
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'ES256', kid: unknown })
      .sign(privateKey);
    await expectRejected(token, /unknown key/);
  });

  it('refuses an expired token, even one signed by the gateway', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expectRejected(await signedByGateway({ iat: past - 900, exp: past }), /expired/);
  });

  it('refuses tampered claims: the city officer promoting itself to secretariat', async () => {
    const [header, payload, signature] = officer.token.split('.');
    const promoted = b64({ ...decode(payload), roles: ['secretariat'] });
    await expectRejected(`${header}.${promoted}.${signature}`, /signature is not valid/);
  });

  it('refuses a token for another audience or from another issuer', async () => {
    await expectRejected(await signedByGateway({ aud: 'urn:some-other-api' }), /aud claim/);
    await expectRejected(await signedByGateway({ iss: 'urn:not-the-gateway' }), /issuer is not trusted/);
  });

  it('refuses garbage', async () => {
    await expectRejected('a.b.c', /malformed/);
  });
});
