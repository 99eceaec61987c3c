import {
  GATEWAY_TOKEN_TYPE,
  oidcClaims,
  parseRoleMap,
  platformClaims,
  remoteKeySet,
  RevocationCheck,
  TokenVerifierOptions,
  TrustedIssuer,
} from '@c2c/auth';
import { GatewayConfig } from '../config';
import { SigningKeysService } from './signing-keys.service';

/** The gateway trusts its own tokens and, when configured, those of an external OIDC provider. */
export function trustedIssuers(
  config: GatewayConfig,
  keys: SigningKeysService,
  /** The users' token versions (`UserTokenVersions`): a deactivated user's or an older token is refused. */
  revocations?: RevocationCheck,
): TokenVerifierOptions {
  const issuers: TrustedIssuer[] = [
    {
      issuer: config.TOKEN_ISSUER,
      audience: config.TOKEN_AUDIENCE,
      keys: keys.keyResolver,
      claims: platformClaims,
      algorithms: ['ES256'],
      // Only the gateway's access tokens: no other JWT its key might sign passes as one.
      tokenType: GATEWAY_TOKEN_TYPE,
      ...(revocations === undefined ? {} : { revocations }),
    },
  ];
  if (config.OIDC_ISSUER && config.OIDC_JWKS_URL) {
    issuers.push({
      issuer: config.OIDC_ISSUER,
      audience: config.OIDC_AUDIENCE ?? config.TOKEN_AUDIENCE,
      keys: remoteKeySet(config.OIDC_JWKS_URL),
      claims: oidcClaims({
        rolesClaim: config.OIDC_ROLES_CLAIM,
        roleMap: parseRoleMap(config.OIDC_ROLE_MAP),
        maxTokenAgeSeconds: config.OIDC_MAX_TOKEN_AGE_SECONDS,
        ...(config.OIDC_CITY_CLAIM ? { cityIdClaim: config.OIDC_CITY_CLAIM } : {}),
        ...(config.OIDC_COMMISSIONS_CLAIM ? { commissionIdsClaim: config.OIDC_COMMISSIONS_CLAIM } : {}),
      }),
    });
  }
  return { issuers, cacheTtlMs: config.TOKEN_VERIFY_CACHE_MS };
}
