import type { JWTPayload } from 'jose';
import { AuthenticatedUser } from './authenticated-user';
import { isRole, Role, ROLES } from './roles';

/** Thrown by a claims mapper when a correctly signed token does not describe a usable caller. */
export class InvalidClaims extends Error {}

/** Turns a verified token's claims into the caller, or throws {@link InvalidClaims}. */
export type ClaimsMapper = (payload: JWTPayload, issuer: string) => AuthenticatedUser;

/** What the gateway puts in the tokens it issues, beside `iss`, `aud`, `sub`, `iat`, `exp` and `jti`. */
export interface PlatformTokenClaims {
  email: string;
  name?: string;
  roles: Role[];
  city_id?: string;
  commission_ids: string[];
}

/** The claims of a platform token for a user; the gateway signs these, {@link platformClaims} reads them. */
export function platformClaimsOf(user: {
  email: string;
  name?: string;
  roles: Role[];
  cityId?: string | null;
  commissionIds?: string[];
}): PlatformTokenClaims {
  return {
    email: user.email,
    ...(user.name === undefined ? {} : { name: user.name }),
    roles: user.roles,
    ...(user.cityId ? { city_id: user.cityId } : {}),
    commission_ids: user.commissionIds ?? [],
  };
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

function subjectOf(payload: JWTPayload): string {
  if (typeof payload.sub !== 'string' || payload.sub === '')
    throw new InvalidClaims('the token has no subject');
  return payload.sub;
}

/** Reads tokens issued by the gateway: every claim must have its exact shape. */
export const platformClaims: ClaimsMapper = (payload, issuer) => {
  const {
    email,
    roles,
    city_id: cityId,
    commission_ids: commissionIds,
  } = payload as Partial<Record<keyof PlatformTokenClaims, unknown>>;
  if (typeof email !== 'string') throw new InvalidClaims('the token has no email');
  if (!isStringArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new InvalidClaims(`roles must be a non-empty list of ${ROLES.join(', ')}`);
  }
  if (cityId !== undefined && typeof cityId !== 'string') throw new InvalidClaims('city_id must be a string');
  if (commissionIds !== undefined && !isStringArray(commissionIds)) {
    throw new InvalidClaims('commission_ids must be a list of strings');
  }
  return {
    userId: subjectOf(payload),
    email,
    roles,
    ...(cityId === undefined ? {} : { cityId }),
    commissionIds: commissionIds ?? [],
    issuer,
  };
};

/** How to read an external OpenID Connect provider's tokens. */
export interface OidcClaimsOptions {
  /** Dotted path of the claim holding the provider's roles or groups, e.g. `realm_access.roles`. */
  rolesClaim: string;
  /**
   * Provider role → platform role. Only mapped roles count: absent or empty, no provider role is
   * trusted (a provider's role names are its administrators' to choose, not the platform's).
   */
  roleMap?: Record<string, Role>;
  /**
   * Tokens issued (`iat`) longer ago than this are refused, whatever their `exp`, so a provider
   * configured with long-lived tokens does not make a stolen one useful for long. Absent: no limit.
   */
  maxTokenAgeSeconds?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
  /** Claim holding a city officer's city id. */
  cityIdClaim?: string;
  /** Claim holding a commission officer's commission ids. */
  commissionIdsClaim?: string;
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      payload,
    );
}

/** Provider values may be a list or a space-separated string (as OAuth `scope` is). */
function valuesOf(claim: unknown): string[] {
  if (typeof claim === 'string') return claim.split(/\s+/).filter(Boolean);
  return isStringArray(claim) ? claim : [];
}

/** Tolerance for the provider's clock running ahead of ours, as the verifier allows. */
const CLOCK_SKEW_SECONDS = 5;

/**
 * Reads an external provider's tokens, mapping its roles to the platform's; unmapped values are
 * ignored, and without a role map every value is.
 */
export function oidcClaims(options: OidcClaimsOptions): ClaimsMapper {
  const map = options.roleMap ?? {};
  const now = options.now ?? Date.now;
  // Own properties only: a provider role named `constructor` or `__proto__` must not find
  // Object.prototype's members and pass them off as a role.
  const mapped = (value: string): Role | undefined => {
    const role: unknown = Object.hasOwn(map, value) ? map[value] : undefined;
    return isRole(role) ? role : undefined;
  };
  return (payload, issuer) => {
    if (options.maxTokenAgeSeconds !== undefined) {
      if (typeof payload.iat !== 'number') throw new InvalidClaims('the token has no iat');
      const age = now() / 1000 - payload.iat;
      if (age > options.maxTokenAgeSeconds + CLOCK_SKEW_SECONDS) {
        throw new InvalidClaims(`the token was issued more than ${options.maxTokenAgeSeconds} s ago`);
      }
    }
    const roles = [
      ...new Set(
        valuesOf(claimAt(payload, options.rolesClaim))
          .map(mapped)
          .filter((role) => role !== undefined),
      ),
    ];
    const cityId = options.cityIdClaim ? claimAt(payload, options.cityIdClaim) : undefined;
    const commissionIds = options.commissionIdsClaim
      ? valuesOf(claimAt(payload, options.commissionIdsClaim))
      : [];
    const email = payload.email;
    return {
      userId: subjectOf(payload),
      email: typeof email === 'string' ? email : '',
      roles,
      ...(typeof cityId === 'string' ? { cityId } : {}),
      commissionIds,
      issuer,
    };
  };
}

/**
 * Parses `provider-role=platform-role` pairs separated by commas, e.g.
 * `amf-admins=secretariat,amf-cities=city-officer`. Throws naming the bad pair.
 */
export function parseRoleMap(text: string): Record<string, Role> {
  // No prototype: `__proto__=secretariat` becomes an own entry, not a change of the map's prototype.
  const map = Object.create(null) as Record<string, Role>;
  for (const pair of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const [external, role] = pair.split('=').map((item) => item.trim());
    if (!external || !isRole(role)) {
      throw new Error(`"${pair}" is not provider-role=platform-role (platform roles: ${ROLES.join(', ')})`);
    }
    map[external] = role;
  }
  return map;
}
