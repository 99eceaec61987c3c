import { useId, type ReactElement, type ReactNode } from 'react';
import { ApiError } from '../api/problem';

/**
 * One labelled form control with the problem+json message for its field right below it, tied to the
 * control by aria-describedby and aria-invalid so a screen reader reads it with the control.
 * `children` renders the control from the ids it must carry.
 */
export function FormField({
  label,
  field,
  error,
  hint,
  children,
}: {
  label: string;
  /** The request body's name for this field, as the API's problem names it. */
  field: string;
  error: unknown;
  hint?: string;
  children: (control: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactElement;
}) {
  const id = useId();
  const message = error instanceof ApiError ? error.fieldMessage(field) : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="muted hint">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={errorId} className="field-error">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** A problem's field errors that no control on the form shows, so that none goes unsaid. */
export function UnplacedFieldErrors({
  error,
  placed,
}: {
  error: unknown;
  placed: readonly string[];
}): ReactNode {
  if (!(error instanceof ApiError)) return null;
  const others = (error.problem?.errors ?? []).filter(
    (fieldError) =>
      !placed.some(
        (field) =>
          fieldError.field === field ||
          fieldError.field.startsWith(`${field}.`) ||
          fieldError.field.startsWith(`${field}[`),
      ),
  );
  if (others.length === 0) return null;
  return (
    <ul className="field-error">
      {others.map((fieldError) => (
        <li key={fieldError.field}>
          {fieldError.field}: {fieldError.message}
        </li>
      ))}
    </ul>
  );
}
