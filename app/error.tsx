'use client';

// Shown instead of a stack trace when a page fails; the details stay in the server log.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="card space-y-2">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p>This page could not be shown. Try again, or go back to the overview.</p>
      <button type="button" onClick={reset} className="rounded bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
