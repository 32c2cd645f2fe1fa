import 'server-only';
// One form submission through the write helper, in the order the JSON API keeps: who is asking
// is checked first (401/403 before the form is read), then the form is read into the
// operation's input, then the operation validates and writes in one transaction. Any refusal
// comes back as the form's state; nothing is written unless everything holds.
import { failedState, inputState, valuesOf, type FormState, type FormValues } from '@/app/_components/forms/form-state';
import { ValidationError } from '@/lib/write/errors';
import { authorizeServerAction, failureOf } from '@/lib/write/perform';
import type { Writer, WriteSpec } from '@/lib/write/writer';
import type { ZodType } from 'zod';
import { FormReader } from './form-input';

export type FormOutcome<R> = { ok: true; record: R; values: FormValues } | { ok: false; state: FormState };

export async function submitForm<S extends ZodType, R, P>(spec: WriteSpec<S, R, P>, data: FormData, previous: FormState, read: (form: FormReader) => unknown): Promise<FormOutcome<R>> {
  const values = valuesOf(data);
  try {
    const writer = await authorizeServerAction(spec.action);
    const form = new FormReader(values);
    const input = read(form);
    if (!form.ok) return { ok: false, state: inputState(withSchemaErrors(writer, spec, input, form.errors), values, previous) };
    return { ok: true, record: await writer.writeAsync(spec, input), values };
  } catch (error) {
    return { ok: false, state: failedState(failureOf(error), values, previous) };
  }
}

/**
 * The form's own problems, and those the operation's schema finds in the other fields, so that
 * every field that needs attention says so at once. The form's words win for a field both name.
 */
function withSchemaErrors(writer: Writer, spec: Pick<WriteSpec<ZodType, unknown, unknown>, 'action' | 'schema' | 'what'>, input: unknown, own: Record<string, string[]>): Record<string, string[]> {
  const errors = { ...own };
  try {
    writer.validate(spec, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const { field, message } of error.fields) {
      const key = field || '_';
      if (!Object.keys(own).some((k) => k === key || key.startsWith(`${k}.`))) (errors[key] ??= []).push(message);
    }
  }
  return errors;
}
