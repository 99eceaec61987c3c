/** Where every problem type URI starts; the path segment after it is the {@link ProblemType} code. */
export const PROBLEM_TYPE_BASE = 'https://c2c.asianmayorsforum.org/problems/';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Machine-readable error codes shared by every service. A client switches on the type URI, never on
 * the title or detail, which are for people and may change.
 */
export enum ProblemType {
  BadRequest = 'bad-request',
  ValidationError = 'validation-error',
  Unauthorized = 'unauthorized',
  InvalidCredentials = 'invalid-credentials',
  Forbidden = 'forbidden',
  NotFound = 'not-found',
  MethodNotAllowed = 'method-not-allowed',
  NotAcceptable = 'not-acceptable',
  Conflict = 'conflict',
  IdempotencyKeyInUse = 'idempotency-key-in-use',
  PreconditionFailed = 'precondition-failed',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
  IdempotencyKeyReused = 'idempotency-key-reused',
  UnprocessableContent = 'unprocessable-content',
  PreconditionRequired = 'precondition-required',
  RateLimited = 'rate-limited',
  InternalError = 'internal-error',
  BadGateway = 'bad-gateway',
  ServiceUnavailable = 'service-unavailable',
  GatewayTimeout = 'gateway-timeout',
}

interface ProblemDefaults {
  status: number;
  title: string;
}

const DEFAULTS: Record<ProblemType, ProblemDefaults> = {
  [ProblemType.BadRequest]: { status: 400, title: 'Bad request' },
  [ProblemType.ValidationError]: { status: 400, title: 'The request is not valid' },
  [ProblemType.Unauthorized]: { status: 401, title: 'Authentication required' },
  [ProblemType.InvalidCredentials]: { status: 401, title: 'Wrong e-mail or password' },
  [ProblemType.Forbidden]: { status: 403, title: 'Not allowed' },
  [ProblemType.NotFound]: { status: 404, title: 'Not found' },
  [ProblemType.MethodNotAllowed]: { status: 405, title: 'Method not allowed' },
  [ProblemType.NotAcceptable]: { status: 406, title: 'Not acceptable' },
  [ProblemType.Conflict]: { status: 409, title: 'Conflict' },
  [ProblemType.IdempotencyKeyInUse]: {
    status: 409,
    title: 'A request with this Idempotency-Key is still being processed',
  },
  [ProblemType.PreconditionFailed]: { status: 412, title: 'The resource has changed' },
  [ProblemType.PayloadTooLarge]: { status: 413, title: 'The request body is too large' },
  [ProblemType.UnsupportedMediaType]: { status: 415, title: 'Unsupported media type' },
  [ProblemType.IdempotencyKeyReused]: {
    status: 422,
    title: 'The Idempotency-Key was already used for a different request',
  },
  [ProblemType.UnprocessableContent]: { status: 422, title: 'The request cannot be processed' },
  [ProblemType.PreconditionRequired]: { status: 428, title: 'A precondition (If-Match) is required' },
  [ProblemType.RateLimited]: { status: 429, title: 'Too many requests' },
  [ProblemType.InternalError]: { status: 500, title: 'Internal error' },
  [ProblemType.BadGateway]: { status: 502, title: 'Bad gateway' },
  [ProblemType.ServiceUnavailable]: { status: 503, title: 'Service unavailable' },
  [ProblemType.GatewayTimeout]: { status: 504, title: 'An upstream service did not answer in time' },
};

const BY_STATUS = new Map<number, ProblemType>();
for (const [type, { status }] of Object.entries(DEFAULTS) as [ProblemType, ProblemDefaults][]) {
  if (!BY_STATUS.has(status)) BY_STATUS.set(status, type);
}

/** The platform's problem type for an HTTP status, when it has one. */
export const problemTypeForStatus = (status: number): ProblemType | undefined => BY_STATUS.get(status);

/** The default HTTP status and title of a platform problem type. */
export const problemDefaults = (type: ProblemType): ProblemDefaults => DEFAULTS[type];

/** The absolute type URI of a code, e.g. `…/problems/validation-error`. */
export const problemTypeUri = (code: string): string => `${PROBLEM_TYPE_BASE}${code}`;

/** One failing field of a request: its dotted path (`participants.0.cityId`) and why. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every error response. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/** A problem type a service defines for its own rules (e.g. `partnership-not-active`). */
export interface CustomProblemType {
  code: string;
  status: number;
  title: string;
}

export interface ProblemOptions {
  /** Overrides the type's default status. */
  status?: number;
  title?: string;
  /** Failing fields, for validation problems. */
  errors?: FieldError[];
  /** Extra members of the problem object (RFC 9457 §3.2), e.g. `{ service: 'cities' }`. */
  extensions?: Record<string, unknown>;
  /** Response headers that belong to this error, e.g. `Retry-After` or `WWW-Authenticate`. */
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * The error services throw for anything a client should see: the platform's exception filter turns it
 * into an `application/problem+json` response. Any other error becomes a 500 without its details.
 *
 * @example throw new Problem(ProblemType.NotFound, `city ${id} does not exist`)
 * @example throw new Problem({ code: 'partnership-not-active', status: 409, title: '…' }, detail)
 */
export class Problem extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(type: ProblemType | CustomProblemType, detail?: string, options: ProblemOptions = {}) {
    const defaults = typeof type === 'string' ? { code: type, ...DEFAULTS[type] } : type;
    super(detail ?? defaults.title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Problem';
    this.code = defaults.code;
    this.status = options.status ?? defaults.status;
    this.title = options.title ?? defaults.title;
    this.detail = detail;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
    this.headers = options.headers ?? {};
  }

  /** The response body, for the request it answers. */
  toDetails(instance?: string, requestId?: string): ProblemDetails {
    return {
      ...this.extensions,
      type: problemTypeUri(this.code),
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      ...(instance === undefined ? {} : { instance }),
      ...(requestId === undefined ? {} : { requestId }),
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}
