// Building blocks for event payload schemas. Objects are built with TypeBox's Type.Object, which leaves
// `additionalProperties` unset: readers tolerate fields they do not know, so adding an optional field
// later is a compatible change.
import { Type, type SchemaOptions, type TSchema, type TUnsafe } from '@sinclair/typebox';

/** An id: a uuid string. */
export function uuid(description: string) {
  return Type.String({ format: 'uuid', description });
}

/** An instant: RFC 3339 date-time with a time zone. */
export function dateTime(description: string) {
  return Type.String({ format: 'date-time', description });
}

/** A calendar day (`YYYY-MM-DD`), for facts that have no time of day. */
export function date(description: string) {
  return Type.String({ format: 'date', description });
}

/** Non-empty human text. No maximum: the producer's HTTP validation limits length, not the event. */
export function text(description: string) {
  return Type.String({ minLength: 1, description });
}

/** ISO 3166-1 alpha-2 country code. */
export function countryCode(description = 'ISO 3166-1 alpha-2 country code, upper case.') {
  return Type.String({ pattern: '^[A-Z]{2}$', description });
}

/**
 * An IANA time-zone name (`Asia/Jakarta`, `America/Argentina/Buenos_Aires`, `UTC`), so a local time
 * can be shown as the organisers meant it. The pattern checks the shape only, not the tz database.
 */
export function timeZone(description: string) {
  return Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$', description });
}

/** One of the 17 UN Sustainable Development Goals, by number. */
export function sdgGoal() {
  return Type.Integer({ minimum: 1, maximum: 17, description: 'UN Sustainable Development Goal number.' });
}

/**
 * A string from a fixed vocabulary, as a plain JSON Schema `enum` (TypeBox's literal unions would
 * become `anyOf` of `const`s, which is harder to read for subscribers and to diff).
 */
export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/** `schema` or `null`: an explicitly absent value that subscribers must handle. */
export function nullable<T extends TSchema>(schema: T, description?: string) {
  return Type.Union([schema, Type.Null()], description === undefined ? {} : { description });
}

/**
 * The schema extension that marks personal data (`x-personal-data: true`) in the JSON Schemas and the
 * AsyncAPI document, so that subscribers, reviewers and tools can tell which fields need care: keep
 * them only for what they were sent for, and never log them. Annotation only: it changes no validation
 * (the registry's validator knows it as an annotation keyword rather than running non-strict).
 */
export const PERSONAL_DATA_KEYWORD = 'x-personal-data';

/** Schema options marking a field as personal data; spread them into a TypeBox schema's options. */
export const personalData = { [PERSONAL_DATA_KEYWORD]: true } as const;
