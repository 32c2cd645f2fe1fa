// The header of every page: the main navigation for everyone, the analysts' pages for those who
// may use them, and who is signed in (with their role) or a way to sign in.
import { can, type Principal } from '@/lib/write/principal';
import { SignOutButton } from './auth/sign-out-button';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/stances', label: 'Stances' },
  { href: '/quotes', label: 'Quotes' },
  { href: '/sources', label: 'Sources' },
  { href: '/topics', label: 'Topics' },
  { href: '/actors', label: 'Actors' },
];

const ANALYST_NAV = [
  { href: '/sources/new', label: 'Add sources' },
  { href: '/review', label: 'Review queue' },
  { href: '/stances/new', label: 'New stance' },
  { href: '/audit', label: 'Audit log' },
];

const LINK = 'font-medium text-slate-700 no-underline hover:text-blue-800 hover:underline';

export function SiteHeader({ principal }: { principal: Principal | null }) {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-2 px-4 py-3">
        <a href="/" className="text-lg font-bold tracking-tight text-slate-900 no-underline">
          Standpoint
        </a>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} className={LINK}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {principal && can(principal, 'quote:accept') && (
          <nav aria-label="Analysis">
            <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
              {ANALYST_NAV.map((item) => (
                <li key={item.href}>
                  <a href={item.href} className={LINK}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm" data-testid="account">
          {principal ? (
            <>
              <p>
                Signed in as <strong>{principal.email}</strong> <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-slate-800">{principal.role}</span>
              </p>
              <SignOutButton />
            </>
          ) : (
            <a href="/sign-in" className="font-medium">
              Sign in
            </a>
          )}
        </div>
      </div>
    </header>
  );
}
