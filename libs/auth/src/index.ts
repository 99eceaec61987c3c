export { ROLES, isRole, type Role } from './roles';
export type { AuthenticatedUser } from './authenticated-user';
export {
  InvalidClaims,
  oidcClaims,
  parseRoleMap,
  platformClaims,
  platformClaimsOf,
  type ClaimsMapper,
  type OidcClaimsOptions,
  type PlatformTokenClaims,
} from './claims';
export {
  isRevocationFeedDocument,
  REVOCATION_KEY_HEADER,
  REVOCATIONS_PATH,
  TOKEN_VERSION_CLAIM,
  type RevocationCheck,
  type RevocationEntry,
  type RevocationFeedDocument,
} from './revocation';
export { RevocationFeed, type RevocationFeedOptions } from './revocation-feed';
export {
  ALLOWED_ALGORITHMS,
  JWKS_CACHE_MAX_AGE_MS,
  TokenVerifier,
  localKeySet,
  remoteKeySet,
  type AllowedAlgorithm,
  type TokenVerifierOptions,
  type TrustedIssuer,
} from './token-verifier';
export {
  actsForCity,
  actsForCommission,
  assertActsForCity,
  assertActsForCommission,
  assertRole,
  hasRole,
  mayReachContacts,
  systemUser,
} from './object-access';
export { Public } from '@c2c/platform';
export {
  ACTS_FOR_CITY_EXTENSION,
  ActsForCityInPath,
  CurrentUser,
  Roles,
  ROLES_EXTENSION,
  ROLES_KEY,
} from './nest/decorators';
export { AuthGuard } from './nest/auth.guard';
export { assertAdmitted, authenticatedCallerOf, missingTokenProblem } from './nest/caller';
export { bearerTokenOf } from './nest/bearer-token';
export { authenticationHook } from './nest/authentication-hook';
export { AuthModule, type AuthModuleAsyncOptions } from './nest/auth.module';
export { attachUser, userOf } from './nest/request-user';
export {
  GATEWAY_TOKEN_TYPE,
  GatewayVerifiedServiceConfig,
  gatewayIssuer,
  gatewayTrustProblems,
  isInsecureUrl,
  jwksUrlOf,
  revocationsUrlOf,
  serviceAudience,
} from './nest/gateway-verified-config';
