import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { guardLayout } from '@/lib/auth/guard';
import { SiteHeader } from './_components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Standpoint', template: '%s · Standpoint' },
  description: "Where each NATO ally stands on Russia policy, with every stance one click from its source quotes.",
};

// Every page reads the live database; nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export default async function RootLayout({ children }: { children: ReactNode }) {
  // With PUBLIC_READ off, an anonymous reader is sent to /sign-in before any page renders.
  const principal = await guardLayout();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <SiteHeader principal={principal} />
        <main id="main" className="mx-auto max-w-7xl space-y-6 px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-slate-600">
          Standpoint · stances coded from sourced statements; an empty cell means no sourced position, not a neutral one.
        </footer>
      </body>
    </html>
  );
}
