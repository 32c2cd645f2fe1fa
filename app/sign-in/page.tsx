import type { Metadata } from 'next';
import { SignInForm } from '@/app/_components/auth/sign-in-form';
import { SignOutButton } from '@/app/_components/auth/sign-out-button';
import { getViewer } from '@/app/_lib/session';
import { safeNextPath } from '@/lib/auth/actions';

export const metadata: Metadata = { title: 'Sign in' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === 'string' ? params.next : null);
  const denied = params.denied === '1';
  const { principal } = await getViewer();
  return (
    <>
      <h1 className="text-2xl font-bold">Sign in</h1>
      {denied && (
        <p role="alert" className="form-alert max-w-xl">
          {principal ? `Your account (${principal.role}) may not open ${next}: it needs an analyst or an admin.` : `Sign in to open ${next}.`}
        </p>
      )}
      {!denied && params.next !== undefined && !principal && <p className="text-sm">Sign in to open {next}.</p>}
      {principal ? (
        <div className="card max-w-xl space-y-3 text-sm">
          <p>
            You are signed in as <strong>{principal.email}</strong> ({principal.role}).
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <a href={next}>Continue to {next}</a>
            <SignOutButton />
          </div>
        </div>
      ) : (
        <>
          <SignInForm next={next} />
          <p className="max-w-xl text-sm text-slate-700">
            Accounts are made by an administrator (<code>npm run user:add</code>); there is no sign-up. Reading needs no account
            unless this site is configured otherwise.
          </p>
        </>
      )}
    </>
  );
}
