import type { ValidationError } from 'class-validator';
import { FieldError, Problem, ProblemType } from './problem';

/** Every failing constraint of a class-validator result, with the dotted path of its field. */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = error.property ? (parent ? `${parent}.${error.property}` : error.property) : parent;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field: field || '(body)',
      message,
    }));
    return own.concat(fieldErrorsOf(error.children ?? [], field));
  });
}

/** The problem a request that fails validation gets: 400 `validation-error` listing each field. */
export function validationProblem(errors: ValidationError[]): Problem {
  const fields = fieldErrorsOf(errors);
  const names = [...new Set(fields.map((error) => error.field))];
  return new Problem(ProblemType.ValidationError, `invalid field(s): ${names.join(', ')}`, {
    errors: fields,
  });
}
