import { Role } from './roles';

/**
 * Who is calling, as every service sees it after the bearer token was verified. Services take their
 * object-level decisions (which city, which commission) from this, never from the request body.
 */
export interface AuthenticatedUser {
  /** `sub` of the token: a platform user's uuid, or the external identity provider's subject. */
  userId: string;
  email: string;
  roles: Role[];
  /** The one city a `city-officer` acts for. */
  cityId?: string;
  /** The commissions a `commission-officer` acts for. */
  commissionIds: string[];
  /** The token's issuer: the gateway, or the configured external OpenID Connect provider. */
  issuer: string;
}
