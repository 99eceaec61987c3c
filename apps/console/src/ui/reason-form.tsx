import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/problem';
import { FormField } from './form-field';
import { ProblemAlert } from './problem-alert';

/**
 * The form of a refusal that must say why (rejecting an application, cancelling a meeting): one
 * required text, sent trimmed. A problem naming the field is shown at the field, any other above it,
 * a conflict with `onReload`.
 */
export function ReasonForm({
  label,
  field,
  submitLabel,
  error,
  pending,
  onSubmit,
  onReload,
}: {
  label: string;
  /** The request body's name for the text, as the API's problem names it. */
  field: string;
  submitLabel: string;
  error: unknown;
  pending: boolean;
  onSubmit: (text: string) => void;
  onReload: () => void;
}) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(text.trim());
  };
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ProblemAlert
        error={error instanceof ApiError && error.fieldMessage(field) ? null : error}
        onReload={onReload}
      />
      <FormField label={label} field={field} error={error}>
        {(control) => (
          <textarea
            {...control}
            required
            rows={2}
            dir="auto"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <div>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
