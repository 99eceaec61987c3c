import type { Schemas } from './client';

export type ProblemDetails = Schemas['ProblemDetailsDto'];

/** An API answer that was not a success, carrying its problem+json body when it had one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDetails | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** 409 or 412: someone else changed the resource first. */
  get isConflict(): boolean {
    return this.status === 409 || this.status === 412;
  }

  /** The message for one field (by its name in the request body), when the problem names it. */
  fieldMessage(field: string): string | undefined {
    return this.problem?.errors?.find(
      (error) =>
        error.field === field || error.field.startsWith(`${field}.`) || error.field.startsWith(`${field}[`),
    )?.message;
  }
}

const isProblem = (value: unknown): value is ProblemDetails =>
  typeof value === 'object' && value !== null && 'status' in value && 'title' in value;

/**
 * Unwraps an openapi-fetch result: its data, or an {@link ApiError}. TanStack Query sees the error and
 * the pages show it where it belongs.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok) return undefined as T;
  throw new ApiError(result.response.status, isProblem(result.error) ? result.error : null);
}

/** A field error of the console's own, shaped like the API's so that a form shows both the same way. */
export const localProblem = (title: string, field: string, message: string): ApiError =>
  new ApiError(400, { type: 'about:blank', title, status: 400, errors: [{ field, message }] });

/** A fresh Idempotency-Key, so that a retried click never does a thing twice. */
export const idempotencyKey = (): string => crypto.randomUUID();
