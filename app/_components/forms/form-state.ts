// What a form's server action hands back to the form (React's useActionState): nothing yet, or
// why the change was not saved, keyed by field as the write helper names them ("name",
// "scaleLabels.2", "evidence"), with what was submitted so the form shows it again.
import type { ActionResult } from '@/lib/write/perform';

export type FormValues = Record<string, string | string[]>;

export type FormState = {
  status: 'idle' | 'error' | 'conflict';
  /** The whole problem in one sentence, for the summary at the top of the form. */
  message: string | null;
  /** Messages by field; "_" holds those that belong to no field. */
  errors: Record<string, string[]>;
  /** What was submitted, shown again in the fields. */
  values: FormValues | null;
  /** On a version conflict: the record as it is now (its version is what the form sends next). */
  current: Record<string, unknown> | null;
  /** Changes with every answer, so the form moves focus even when the message is the same. */
  seq: number;
};

export const IDLE: FormState = { status: 'idle', message: null, errors: {}, values: null, current: null, seq: 0 };

/** The submitted fields: single values as strings, repeated names (checkbox lists) as arrays. */
export function valuesOf(form: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

/** A refused write, as the form shows it. */
export function failedState(result: Extract<ActionResult<unknown>, { ok: false }>, values: FormValues, previous: FormState): FormState {
  const versionConflict = result.status === 409 && result.fieldErrors.version !== undefined;
  const current = result.current && typeof result.current === 'object' ? (result.current as Record<string, unknown>) : null;
  // The helper's message names every field ("stance.summary: must not be empty"); the form shows
  // each under its field, so its summary counts them instead.
  const fields = Object.values(result.fieldErrors).flat().length;
  return {
    status: versionConflict ? 'conflict' : 'error',
    message: result.status === 400 && fields > 0 ? `${fields} ${fields === 1 ? 'field needs' : 'fields need'} attention; nothing was saved` : result.message,
    errors: versionConflict ? {} : result.fieldErrors,
    values,
    current: versionConflict ? current : null,
    seq: previous.seq + 1,
  };
}

/** A problem found before the write helper was asked (a field that is not a number). */
export function inputState(errors: Record<string, string[]>, values: FormValues, previous: FormState): FormState {
  const count = Object.values(errors).flat().length;
  return { status: 'error', message: `${count} ${count === 1 ? 'field needs' : 'fields need'} attention; nothing was saved`, errors, values, current: null, seq: previous.seq + 1 };
}

/** The messages for a field: its own, and those of its parts ("aliases.2" for "aliases"). */
export function errorsFor(state: FormState, field: string): string[] {
  return Object.entries(state.errors).flatMap(([key, messages]) => (key === field || key.startsWith(`${field}.`) ? messages.map((m) => (key === field ? m : `${describePart(key.slice(field.length + 1))}: ${m}`)) : []));
}

function describePart(part: string): string {
  const index = /^(\d+)(?:\.|$)/.exec(part);
  return index ? `item ${Number(index[1]) + 1}${part.length > index[0].length ? ` (${part.slice(index[0].length)})` : ''}` : part;
}

/** The value to show in a field: what was submitted last, else the record's. */
export function shown(state: FormState, field: string, initial: string | null | undefined): string {
  const value = state.values?.[field];
  if (value !== undefined) return Array.isArray(value) ? (value[0] ?? '') : value;
  return initial ?? '';
}

export function shownList(state: FormState, field: string, initial: readonly string[]): string[] {
  const value = state.values?.[field];
  if (value !== undefined) return Array.isArray(value) ? value : [value];
  return state.values ? [] : [...initial];
}
