import { loadConfig } from '@c2c/platform';
import {
  GatewayVerifiedServiceConfig,
  gatewayIssuer,
  gatewayTrustProblems,
  revocationsUrlOf,
} from './gateway-verified-config';

const SECRET = 'a-feed-secret-of-at-least-32-characters';
const configOf = (env: Record<string, string>) =>
  loadConfig(GatewayVerifiedServiceConfig, { DATABASE_URL: 'postgres://x@localhost/x', ...env });

describe(GatewayVerifiedServiceConfig.name, () => {
  it("gives each service its own audience, never the gateway's public one", () => {
    expect(gatewayIssuer(configOf({}), 'cities').audience).toBe('urn:c2c:service:cities');
    expect(gatewayIssuer(configOf({ AUTH_AUDIENCE: 'urn:x' }), 'cities').audience).toBe('urn:x');
    expect(gatewayIssuer(configOf({}), 'cities').tokenType).toBe('at+jwt');
  });

  it('finds the revocation feed beside the JWKS', () => {
    expect(revocationsUrlOf(configOf({ AUTH_JWKS_URL: 'https://gw.example/.well-known/jwks.json' }))).toBe(
      'https://gw.example/.well-known/c2c-revocations',
    );
  });

  it('warns of a JWKS over plain HTTP to another host, and production refuses it unless allowed', () => {
    const remote = {
      AUTH_JWKS_URL: 'http://gateway:3000/.well-known/jwks.json',
      AUTH_REVOCATION_SECRET: SECRET,
    };
    expect(gatewayTrustProblems(configOf(remote))).toEqual([expect.stringContaining('plain HTTP')]);
    expect(() => gatewayTrustProblems(configOf({ ...remote, NODE_ENV: 'production' }))).toThrow(
      /AUTH_ALLOW_INSECURE_JWKS/,
    );
    expect(
      gatewayTrustProblems(configOf({ ...remote, NODE_ENV: 'production', AUTH_ALLOW_INSECURE_JWKS: 'true' })),
    ).toHaveLength(1);
    expect(
      gatewayTrustProblems(
        configOf({ AUTH_JWKS_URL: 'http://127.0.0.1:3000/jwks', AUTH_REVOCATION_SECRET: SECRET }),
      ),
    ).toEqual([]);
    expect(
      gatewayTrustProblems(
        configOf({
          AUTH_JWKS_URL: 'https://gw.example/jwks',
          AUTH_REVOCATION_SECRET: SECRET,
          NODE_ENV: 'production',
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a production start that would never learn revocations', () => {
    expect(() =>
      gatewayTrustProblems(configOf({ AUTH_JWKS_URL: 'https://gw.example/jwks', NODE_ENV: 'production' })),
    ).toThrow(/AUTH_REVOCATION_SECRET/);
  });
});
