'use client';
// Email and password. Problems are shown next to the field they concern and focus moves there;
// on success the server action sends the browser on to `next`. Works without JavaScript too.
import { useActionState, useEffect, useRef } from 'react';
import { signIn } from '@/app/_actions/auth';
import { Field } from '@/app/_components/forms/fields';
import { errorsFor, IDLE, shown } from '@/app/_components/forms/form-state';
import { SubmitButton } from '@/app/_components/forms/submit-button';

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signIn, IDLE);
  const form = useRef<HTMLFormElement>(null);
  const general = useRef<HTMLParagraphElement>(null);

  // After each refused attempt, focus goes to the first thing to fix.
  useEffect(() => {
    if (state.seq === 0) return;
    const first = errorsFor(state, 'email').length ? 'email' : errorsFor(state, 'password').length ? 'password' : null;
    if (first) form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    else general.current?.focus();
  }, [state]);

  const generalErrors = errorsFor(state, '_');
  return (
    <form ref={form} action={action} noValidate className="card max-w-md form-stack" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" className="text-lg font-semibold">
        Sign in with your email address
      </h2>
      <input type="hidden" name="next" value={next} />
      {generalErrors.length > 0 && (
        <p ref={general} tabIndex={-1} role="alert" className="form-alert">
          {generalErrors.join(' ')}
        </p>
      )}
      <Field name="email" label="Email address" state={state}>
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required defaultValue={shown(state, 'email', '')} className="field-control" />}
      </Field>
      <Field name="password" label="Password" state={state}>
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required className="field-control" />}
      </Field>
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
