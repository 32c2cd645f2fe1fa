'use client';
// Email and password, sent to better-auth's sign-in endpoint by its client. Problems are shown
// next to the field they concern and focus moves there; on success the browser loads `next`
// afresh, so every page after it is rendered for the signed-in person.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { authClient } from './auth-client';

type Problems = { email?: string; password?: string; form?: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function SignInForm({ next }: { next: string }) {
  const [problems, setProblems] = useState<Problems>({});
  const [pending, setPending] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const formProblem = useRef<HTMLParagraphElement>(null);

  // After each failed attempt, focus goes to the first thing to fix.
  useEffect(() => {
    if (attempt === 0) return;
    if (problems.email) email.current?.focus();
    else if (problems.password) password.current?.focus();
    else if (problems.form) formProblem.current?.focus();
  }, [attempt, problems]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const address = String(data.get('email') ?? '').trim();
    const secret = String(data.get('password') ?? '');
    const found: Problems = {};
    if (!address) found.email = 'Enter your email address.';
    else if (!EMAIL.test(address)) found.email = 'Enter an email address like name@example.org.';
    if (!secret) found.password = 'Enter your password.';
    if (found.email || found.password) {
      setProblems(found);
      setAttempt((n) => n + 1);
      return;
    }
    setPending(true);
    setProblems({});
    let result: Awaited<ReturnType<typeof authClient.signIn.email>>;
    try {
      result = await authClient.signIn.email({ email: address, password: secret });
    } catch {
      result = { data: null, error: { status: 0, statusText: 'network error', message: 'The server could not be reached.' } } as typeof result;
    }
    if (!result.error) {
      window.location.assign(next);
      return;
    }
    const { status, message } = result.error;
    setPending(false);
    if (status === 401 || status === 403) setProblems({ password: 'The email address or the password is wrong.' });
    else if (status === 429) setProblems({ form: 'Too many sign-in attempts from this address: wait a minute, then try again.' });
    else if (status === 400 && /email/i.test(message ?? '')) setProblems({ email: 'Enter an email address like name@example.org.' });
    else setProblems({ form: `Sign-in failed: ${message || `status ${status}`}.` });
    setAttempt((n) => n + 1);
  };

  return (
    // Without JavaScript the form still posts to the endpoint (never a GET with the password in the URL).
    <form method="post" action="/api/auth/sign-in/email" onSubmit={submit} noValidate className="card max-w-md space-y-4" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading" className="text-lg font-semibold">
        Sign in with your email address
      </h2>
      {problems.form && (
        <p ref={formProblem} tabIndex={-1} role="alert" className="form-alert">
          {problems.form}
        </p>
      )}
      <div>
        <label htmlFor="sign-in-email" className="field-label">
          Email address
        </label>
        <input
          ref={email}
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={problems.email ? true : undefined}
          aria-describedby={problems.email ? 'sign-in-email-error' : undefined}
          className="field-control"
        />
        {problems.email && (
          <p id="sign-in-email-error" role="alert" className="field-error">
            {problems.email}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="sign-in-password" className="field-label">
          Password
        </label>
        <input
          ref={password}
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={problems.password ? true : undefined}
          aria-describedby={problems.password ? 'sign-in-password-error' : undefined}
          className="field-control"
        />
        {problems.password && (
          <p id="sign-in-password-error" role="alert" className="field-error">
            {problems.password}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="btn-primary">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
