import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FieldError, Problem, ProblemType } from './problem';

/**
 * The largest request body a service accepts by default. The largest valid body of any service is a
 * proposal at every field's maximum: 32 KB in ASCII, 81 KB with every text field in a 3-byte script
 * (CJK); a city at its maximum is 17 KB / 35 KB. 128 KiB admits all of them and refuses the rest
 * before parsing.
 */
export const DEFAULT_BODY_LIMIT_BYTES = 131_072;

/**
 * How deep a JSON body may nest. The deepest valid body (a proposal's agreement signatories) nests 4
 * levels; validation, `JSON.stringify` and canonical JSON all recurse, so 10 KB of `[[[[…` would
 * overflow their stacks before anyone looked at the data.
 */
export const MAX_JSON_DEPTH = 32;

// C0 controls except tab, LF and CR, and DEL: nothing a person types, and NUL is refused by PostgreSQL.
const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F';
const CONTROL_CHARACTER = new RegExp(`[${CONTROL_CHARACTERS}]`);

/**
 * The same rule as a JSON Schema `pattern` (ECMA-262), for the API documents: a string without a
 * control character. The public document puts it on every request string it says nothing else about.
 */
export const NO_CONTROL_CHARACTER_PATTERN = `^[^${CONTROL_CHARACTERS}]*$`;

/** Free text that must say something: no control character and at least one other than whitespace. */
export const NOT_BLANK_PATTERN = `^[^${CONTROL_CHARACTERS}]*[^\\s${CONTROL_CHARACTERS}][^${CONTROL_CHARACTERS}]*$`;

/** True when a string holds a character that no text input may carry. */
export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);

const MAX_REPORTED_FIELDS = 20;

const join = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

/**
 * The dotted paths (`participants.0.name`) of every string, and every object key, that holds a control
 * character, at most {@link MAX_REPORTED_FIELDS}; `root` names the value itself. Iterative, and stops
 * below `maxDepth`, so no input can overflow the stack.
 */
export function controlCharacterFields(value: unknown, root = '', maxDepth = MAX_JSON_DEPTH): string[] {
  const found: string[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && found.length < MAX_REPORTED_FIELDS) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (hasControlCharacter(current)) found.push(path || '(body)');
    } else if (typeof current === 'object' && current !== null && depth < maxDepth) {
      for (const [key, child] of Object.entries(current)) {
        const childPath = join(path, key);
        if (hasControlCharacter(key)) found.push(childPath);
        stack.push({ value: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return found.sort();
}

/** How deeply a parsed JSON value nests (a scalar is 0, `[]` is 1), counted without recursion. */
export function jsonDepth(value: unknown, limit = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    // Past the limit the answer is known: stop walking what an attacker may have made huge.
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: level });
    }
  }
  return deepest;
}

/** The 400 for text inputs holding control characters, naming each field. */
export function controlCharacterProblem(fields: string[]): Problem {
  const errors: FieldError[] = fields.map((field) => ({
    field,
    message: `${field} must not contain control characters`,
  }));
  return new Problem(ProblemType.ValidationError, `invalid field(s): ${fields.join(', ')}`, { errors });
}

/** Refuses a request whose query string, path parameters or body carries a control character. */
export function assertNoControlCharacters(request: Pick<FastifyRequest, 'query' | 'params' | 'body'>): void {
  const fields = [
    ...controlCharacterFields(request.params),
    ...controlCharacterFields(request.query),
    ...controlCharacterFields(request.body),
  ];
  if (fields.length > 0) throw controlCharacterProblem([...new Set(fields)]);
}

/**
 * The platform's rules for untrusted input, on every route of the app (Nest's and the gateway's
 * forwarded ones alike), before authentication and validation:
 * - a JSON body nesting deeper than {@link MAX_JSON_DEPTH} is a 400 right after parsing;
 * - a C0 control character (other than tab, LF, CR) or DEL in any string of the body, the query string
 *   or the path parameters is a 400 `validation-error` naming the field, so such text never reaches a
 *   handler, a log line or PostgreSQL (which refuses NUL with a 500 otherwise).
 */
export function installInputRules(fastify: FastifyInstance, maxDepth = MAX_JSON_DEPTH): void {
  // Fastify's own parser (prototype-poisoning checks included), then the depth check on its result.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    void parseJson(
      request,
      typeof body === 'string' ? body : body.toString('utf8'),
      (error, value: unknown) => {
        if (error) return done(error, undefined);
        // Every body the API takes is an object: `null`, `7` or `"x"` is no body of any route, and a
        // route whose body is optional must not read a JSON null as "no body" either.
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return done(new Problem(ProblemType.BadRequest, 'the body must be a JSON object'), undefined);
        }
        if (jsonDepth(value, maxDepth) > maxDepth) {
          return done(
            new Problem(ProblemType.BadRequest, `the body nests deeper than ${maxDepth} levels`),
            undefined,
          );
        }
        done(null, value);
      },
    );
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    try {
      assertNoControlCharacters(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
