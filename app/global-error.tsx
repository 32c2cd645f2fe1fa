'use client';

import './globals.css';

// Replaces the root layout when the layout itself fails, so it brings its own document.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Standpoint</title>
      </head>
      <body>
        <main id="main" className="mx-auto max-w-7xl space-y-6 px-4 py-6">
          <div role="alert" className="card space-y-2">
            <h1 className="text-2xl font-bold">Something went wrong</h1>
            <p>Standpoint could not be shown. Try again in a moment, or go back to the overview.</p>
            <p className="flex flex-wrap items-center gap-4">
              <button type="button" onClick={retry} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white">
                Try again
              </button>
              <a href="/">Back to the overview</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
