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
  /**
   * The token's `token_version` claim, when it has one: the user's token version at issue. Bumped
   * by the gateway on deactivation, reactivation, a password or a role change, so an older token is
   * refused (see `RevocationCheck`). The gateway copies it into the internal tokens it forwards.
   */
  tokenVersion?: number;
}
