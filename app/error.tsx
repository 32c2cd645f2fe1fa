'use client';

// Shown in place of a page that failed; the details stay in the server log. The message is a
// live region, so a screen reader announces it when it replaces the page after navigation.
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div role="alert" className="card space-y-2">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p>This page could not be shown. Try again, or go back to the overview.</p>
      <p className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white">
          Try again
        </button>
        {/* A plain link: it must work even when client-side navigation is what failed. */}
        <a href="/">Back to the overview</a>
      </p>
    </div>
  );
}
