import pino from 'pino';

/**
 * Fields of a database error that carry what a caller sent or what the database holds: TypeORM's
 * `QueryFailedError` copies the SQL, its parameters (e-mails, password hashes) and the driver's error
 * onto itself, and node-postgres's `detail` quotes key values (`Key (email)=(…) already exists`).
 * The SQLSTATE `code`, `constraint` and `table` stay: they say what failed without the data.
 */
const UNSAFE_ERROR_FIELDS = [
  'query',
  'parameters',
  'driverError',
  'detail',
  'where',
  'internalQuery',
  'hint',
  'position',
  'internalPosition',
  'file',
  'line',
  'routine',
] as const;

/** pino's `err` serializer without a database error's query, parameters and driver details. */
export function safeErrorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const field of UNSAFE_ERROR_FIELDS) delete serialized[field];
  return serialized;
}

// Local part @ domain with a dot: what a person calls an e-mail address; `%40` is its `@` in a
// logged URL's query string.
// Parts are bounded as RFC 5321 bounds them, so a long line costs linear time, not quadratic.
const EMAIL = /([A-Za-z0-9])[A-Za-z0-9._%+-]{0,63}(?:@|%40)((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,63})/g;

/**
 * Masks every e-mail address in a log line (message and fields alike, URLs included, since it
 * runs on the written line): `amir.karimi@tehran.ir` becomes `a***@tehran.ir`, enough to tell accounts of one city apart
 * in an investigation without putting the address in the logs.
 */
export const redactEmails = (line: string): string =>
  line.includes('@') || line.includes('%40') ? line.replace(EMAIL, '$1***@$2') : line;
