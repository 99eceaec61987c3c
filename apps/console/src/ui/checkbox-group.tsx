import { useId } from 'react';
import { ApiError } from '../api/problem';

const toggled = <T,>(values: readonly T[], value: T, on: boolean): T[] =>
  on ? [...values, value] : values.filter((existing) => existing !== value);

/** A labelled set of checkboxes for one list field, with the problem's message for it below. */
export function CheckboxGroup<T extends string | number>({
  legend,
  field,
  error,
  options,
  selected,
  onChange,
}: {
  legend: string;
  field: string;
  error: unknown;
  options: { value: T; label: string }[];
  selected: readonly T[];
  onChange: (values: T[]) => void;
}) {
  const id = useId();
  const message = error instanceof ApiError ? error.fieldMessage(field) : undefined;
  return (
    <fieldset className="checkboxes" aria-describedby={message ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(option.value)}
            onChange={(e) => onChange(toggled(selected, option.value, e.target.checked))}
          />{' '}
          {option.label}
        </label>
      ))}
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
