/** The claim that carries a user's token version (see {@link RevocationCheck}). */
export const TOKEN_VERSION_CLAIM = 'token_version';

/**
 * Decides whether a correctly signed token of a subject is still good, by its token version (the
 * `token_version` claim; 0 when the token has none). The gateway bumps a user's version when it
 * deactivates or reactivates the user, or changes its password, role or scope, so every older token
 * stops working. Consulted on every verification, cached results included, so no cache outlives a
 * revocation.
 */
export interface RevocationCheck {
  accepts(subject: string, tokenVersion: number): boolean | Promise<boolean>;
  /** Begins whatever background work the check needs (polling); called once the app starts. */
  start?(): void;
  /** Ends that work; called when the app shuts down. */
  close?(): void;
}

/** One entry of the gateway's revocation feed: tokens of `sub` below `tokenVersion` are revoked. */
export interface RevocationEntry {
  sub: string;
  tokenVersion: number;
  /** When the version was bumped (ISO 8601), for operators reading the feed. */
  notBefore: string;
}

/**
 * The gateway's revocation feed (`GET /.well-known/c2c-revocations`): every user whose tokens were
 * revoked within `windowSeconds` (longer than a token lives, so older revocations only concern
 * expired tokens). Served only to callers presenting the shared secret in {@link REVOCATION_KEY_HEADER}.
 */
export interface RevocationFeedDocument {
  windowSeconds: number;
  entries: RevocationEntry[];
}

/** The header that carries the secret the revocation feed is protected by. */
export const REVOCATION_KEY_HEADER = 'x-c2c-revocation-key';

/** The feed's path on the gateway; services derive its address from the gateway's JWKS address. */
export const REVOCATIONS_PATH = '/.well-known/c2c-revocations';

export const isRevocationFeedDocument = (value: unknown): value is RevocationFeedDocument => {
  if (typeof value !== 'object' || value === null) return false;
  const { windowSeconds, entries } = value as Partial<RevocationFeedDocument>;
  return (
    typeof windowSeconds === 'number' &&
    Array.isArray(entries) &&
    entries.every(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as RevocationEntry).sub === 'string' &&
        Number.isInteger((entry as RevocationEntry).tokenVersion),
    )
  );
};
