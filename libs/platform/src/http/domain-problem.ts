import type { DomainError } from '../domain/domain-error';
import { etagOf } from './etag';
import { Problem, ProblemType } from './problem';

/**
 * The one mapping from a refused operation to its problem+json: the error's kind decides the status.
 * Kinds the platform has a type for keep that type (`not-found`, `forbidden`, `validation-error`,
 * `precondition-failed`), so clients switch on one set of URIs across services; the others carry the
 * service's own code as their type (`city-archived`, `invalid-transition`).
 */
export function problemOfDomainError(error: DomainError): Problem {
  const { fields, currentVersion, extensions = {}, title, retryAfterSeconds } = error.details;
  const retryAfter: Record<string, string> =
    retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  const own = (status: number) =>
    new Problem({ code: error.code, status, title: title ?? error.message }, error.message, {
      extensions,
      headers: retryAfter,
    });
  switch (error.kind) {
    case 'not-found':
      return new Problem(ProblemType.NotFound, error.message, { extensions });
    case 'forbidden':
      return new Problem(ProblemType.Forbidden, error.message, { extensions });
    case 'invalid':
      return new Problem(ProblemType.ValidationError, error.message, { errors: fields ?? [], extensions });
    case 'version-mismatch':
      return new Problem(ProblemType.PreconditionFailed, error.message, {
        extensions,
        ...(currentVersion === undefined ? {} : { headers: { etag: etagOf(currentVersion) } }),
      });
    case 'conflict':
      return own(409);
    case 'unprocessable':
      return own(422);
    case 'unauthenticated':
      return own(401);
    case 'throttled':
      return own(429);
    case 'unavailable':
      return own(503);
    default: {
      const unhandled: never = error.kind;
      throw new Error(`unmapped domain error kind ${String(unhandled)}`);
    }
  }
}
