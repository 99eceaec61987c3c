import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PERSONAL_DATA_KEYWORD } from '../events/schema-helpers';
import { eventJsonSchema } from './event-json-schema';
import { isKnownEventType, type EventData, type EventType } from './event-registry';

/** One reason a payload does not match its schema. */
export interface ValidationProblem {
  /** JSON Pointer into the payload (`''` for the payload itself), e.g. `/partnership/participants/0/cityId`. */
  readonly path: string;
  /** What is wrong, e.g. `must match format "uuid"`. */
  readonly message: string;
}

/** Result of {@link validateEventData}: the typed payload, or every problem found. */
export type ValidationResult<TData> =
  | { readonly ok: true; readonly data: TData }
  | { readonly ok: false; readonly errors: readonly ValidationProblem[] };

// One Ajv for the process; each schema is compiled on first use and kept, since compiling costs
// far more than validating.
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// Strict mode refuses keywords it does not know, which catches typos in schemas; the personal-data
// mark is declared as an annotation (no validation, its value a boolean) rather than relaxing that.
ajv.addKeyword({ keyword: PERSONAL_DATA_KEYWORD, schemaType: 'boolean', metaSchema: { type: 'boolean' } });
const validators = new Map<EventType, ValidateFunction>();

function validatorOf(type: EventType): ValidateFunction {
  let validate = validators.get(type);
  if (validate === undefined) {
    validate = ajv.compile(eventJsonSchema(type));
    validators.set(type, validate);
  }
  return validate;
}

/**
 * Checks `data` against the JSON Schema of `type`. Unknown fields are accepted (tolerant reader);
 * nothing is coerced or defaulted, so `data` in the result is the object passed in.
 * Producers call it before writing to the outbox; consumers before handling.
 */
export function validateEventData<T extends EventType>(
  type: T,
  data: unknown,
): ValidationResult<EventData<T>> {
  if (!isKnownEventType(type)) {
    return { ok: false, errors: [{ path: '', message: `unknown event type ${String(type)}` }] };
  }
  const validate = validatorOf(type);
  if (validate(data)) return { ok: true, data: data as EventData<T> };
  return { ok: false, errors: (validate.errors ?? []).map(toProblem) };
}

function toProblem(error: ErrorObject): ValidationProblem {
  // A missing property is reported on its parent; point at the property itself instead.
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    const token = missing.replaceAll('~', '~0').replaceAll('/', '~1');
    return { path: `${error.instancePath}/${token}`, message: 'is required' };
  }
  return { path: error.instancePath, message: error.message ?? error.keyword };
}
