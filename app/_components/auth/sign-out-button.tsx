'use client';
import { useState } from 'react';
import { authClient } from './auth-client';

/** Ends the session, then reloads the front page as an anonymous reader. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const signOut = async () => {
    setPending(true);
    setProblem(null);
    const { error } = await authClient.signOut();
    if (error) {
      setPending(false);
      setProblem(`Sign-out failed: ${error.message ?? error.statusText ?? error.status}`);
      return;
    }
    window.location.assign('/');
  };
  return (
    <>
      <button type="button" onClick={signOut} disabled={pending} className="btn-secondary">
        {pending ? 'Signing out…' : 'Sign out'}
      </button>
      {problem && (
        <span role="alert" className="text-xs text-rose-800">
          {problem}
        </span>
      )}
    </>
  );
}
