// Labelled controls whose problems are shown under them, tied to them by aria-describedby and
// marked aria-invalid, so a screen reader reads the message with the field.
import type { ReactNode } from 'react';
import { errorsFor, type FormState } from './form-state';

/** The id of the control for a field name ("scaleLabels.2" → "field-scaleLabels-2"). */
export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

type ControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

/** A label, the control (given its id and description), a hint and the field's errors. */
export function Field({
  name,
  label,
  hint,
  state,
  className,
  id: givenId,
  children,
}: {
  name: string;
  /** The control's id, when two forms on a page have a field of the same name. */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  state: FormState;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = givenId ?? fieldId(name);
  const errors = errorsFor(state, name);
  const described = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(errors.length ? { 'aria-invalid': true as const } : {}) })}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={id} className="field-error">
      {errors.map((message, i) => (
        <p key={i}>{message}</p>
      ))}
    </div>
  );
}

/** A group of radio buttons or checkboxes: a fieldset whose legend names it, errors under it. */
export function FieldGroup({ name, legend, hint, state, className, children }: { name: string; legend: ReactNode; hint?: ReactNode; state: FormState; className?: string; children: ReactNode }) {
  const id = fieldId(name);
  const errors = errorsFor(state, name);
  const described = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset id={id} tabIndex={-1} className={className} aria-describedby={described || undefined}>
      <legend className="field-label">{legend}</legend>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {children}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
