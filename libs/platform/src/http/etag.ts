import { Problem, ProblemType } from './problem';

/**
 * The ETag of a resource at a version. Weak (`W/"7"`): it names the state of the resource, not the
 * bytes of one serialisation, so compression or field order never change it.
 */
export const etagOf = (version: number): string => `W/"${version}"`;

/** A parsed `If-Match`: `*` (any current version) or the versions the client knows. */
export type IfMatch = '*' | number[];

const ENTITY_TAG = /^(?:W\/)?"(\d{1,15})"$/;

/** Any entity tag (RFC 9110 §8.8.3), ours or not: `{}` or a bare word is none, and a 400. */
const ENTITY_TAG_SYNTAX = /^(?:W\/)?"[\x21\x23-\x7E\x80-\xFF]*"$/;

/**
 * Parses an `If-Match` header. Tags are compared by the version they carry, weakly on purpose: our
 * tags are weak (see {@link etagOf}), and a client echoing `"7"` or `W/"7"` means the same state.
 * Tags that are not ours parse to no version, so they can only fail the precondition; what is not an
 * entity tag at all (or an empty header) is a 400.
 */
export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined) return undefined;
  // An empty If-Match names nothing: a 400, as the document says, not a request without the header
  // (which, where If-Match is optional, would let a change through unconditionally).
  if (header.trim() === '') {
    throw new Problem(ProblemType.ValidationError, 'invalid field(s): If-Match', {
      errors: [{ field: 'If-Match', message: 'If-Match must name a version (its ETag) or be *' }],
    });
  }
  if (header.trim() === '*') return '*';
  const tags = header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== ''); // RFC 9110 §5.6.1: empty list elements are allowed, and mean nothing
  if (!tags.every((tag) => ENTITY_TAG_SYNTAX.test(tag))) {
    throw new Problem(ProblemType.ValidationError, 'invalid field(s): If-Match', {
      errors: [{ field: 'If-Match', message: 'If-Match must be * or entity tags ("…" or W/"…")' }],
    });
  }
  return tags
    .map((tag) => ENTITY_TAG.exec(tag))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
}

/** An update's precondition: without `If-Match` it is a `428`, so lost updates cannot happen silently. */
export function requireIfMatch(header: string | undefined): IfMatch {
  const ifMatch = parseIfMatch(header);
  if (ifMatch === undefined) {
    throw new Problem(
      ProblemType.PreconditionRequired,
      'send If-Match with the ETag of the version you are changing',
    );
  }
  return ifMatch;
}

/** Checks the precondition against the stored version: a stale tag is a `412` carrying the current ETag. */
export function assertIfMatch(ifMatch: IfMatch, currentVersion: number): void {
  if (ifMatch === '*' || ifMatch.includes(currentVersion)) return;
  throw new Problem(
    ProblemType.PreconditionFailed,
    `the resource is at version ${currentVersion}; read it again and reapply your change`,
    { headers: { etag: etagOf(currentVersion) } },
  );
}
