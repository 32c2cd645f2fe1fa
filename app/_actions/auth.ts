'use server';
// Signing in and out from the pages. Sign-in goes through better-auth's own endpoint (the same
// rate limit and log of failed attempts as a script's sign-in; lib/auth/actions.ts); problems
// come back keyed by field.
import { redirect } from 'next/navigation';
import { type FormState, valuesOf } from '@/app/_components/forms/form-state';
import { safeNextPath, signInWithPassword, signOutCurrent } from '@/lib/auth/actions';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function signIn(previous: FormState, data: FormData): Promise<FormState> {
  const values = valuesOf(data);
  const email = typeof values.email === 'string' ? values.email.trim() : '';
  const password = typeof values.password === 'string' ? values.password : '';
  const errors: Record<string, string[]> = {};
  if (!email) errors.email = ['Enter your email address.'];
  else if (!EMAIL.test(email)) errors.email = ['Enter an email address like name@example.org.'];
  if (!password) errors.password = ['Enter your password.'];
  // The password never goes back to the browser.
  const kept = { email, next: typeof values.next === 'string' ? values.next : '/' };
  if (Object.keys(errors).length) return { status: 'error', message: 'Enter your email address and password.', errors, values: kept, current: null, seq: previous.seq + 1 };
  const result = await signInWithPassword(email, password);
  if (!result.ok) {
    const field = result.status === 429 ? '_' : 'password';
    return { status: 'error', message: `${result.message}.`, errors: { [field]: [`${result.message}.`] }, values: kept, current: null, seq: previous.seq + 1 };
  }
  redirect(safeNextPath(kept.next));
}

export async function signOut(): Promise<void> {
  await signOutCurrent();
  redirect('/');
}
