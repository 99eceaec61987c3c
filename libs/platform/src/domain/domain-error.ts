import type { FieldError } from '../http/problem';

/**
 * What kind of refusal a domain error is. The kind alone decides the HTTP answer (see
 * `problemOfDomainError`), so a use case says what went wrong in its own terms and never picks a status.
 */
export type DomainErrorKind =
  /** The thing named does not exist: 404 `not-found`. */
  | 'not-found'
  /** The caller may not do this to this object: 403 `forbidden`. */
  | 'forbidden'
  /** The input breaks a rule; `fields` name what to fix: 400 `validation-error`. */
  | 'invalid'
  /** The caller changed a version that is no longer current: 412 `precondition-failed` with its ETag. */
  | 'version-mismatch'
  /** The current state does not allow it: 409 with the error's own code as its type. */
  | 'conflict'
  /** Well-formed, but refers to something that cannot take part (a city outside the partnership): 422. */
  | 'unprocessable'
  /** The caller could not be identified (wrong credentials): 401 with the error's own code. */
  | 'unauthenticated'
  /** Too many attempts of this (a locked-out account): 429 with the code and `Retry-After`. */
  | 'throttled'
  /** The operation cannot run now but will soon (a full queue): 503 with the code and `Retry-After`. */
  | 'unavailable';

export interface DomainErrorDetails {
  /** Shown to people as the problem's title; the code is what clients switch on. */
  title?: string;
  /** For `invalid`: every failing field, by its dotted path. */
  fields?: FieldError[];
  /** For `version-mismatch`: the version the object is at now. */
  currentVersion?: number;
  /** Extra members of the answer (RFC 9457 §3.2): the current status, the existing record… */
  extensions?: Record<string, unknown>;
  /** For `throttled` and `unavailable`: when to try again, in seconds (`Retry-After`). */
  retryAfterSeconds?: number;
}

/**
 * A refused operation, thrown by use cases, which know nothing of HTTP. Each service has one error
 * class per feature (`CityError extends DomainError`) with one code enum; the platform's exception
 * filter turns every one of them into its problem+json by {@link DomainErrorKind}.
 *
 * @example throw new CityError(CityErrorCode.Archived, 'conflict', `city ${id} is archived`, { title: 'The city is archived' })
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
