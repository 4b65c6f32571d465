'use client';

import Link from 'next/link';

/**
 * A console page that failed to load. Nothing was changed by showing it, so
 * trying again is safe; the digest lets an administrator find the server log line.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6 text-red-950">
      <h1 className="text-xl font-bold">This page could not be shown</h1>
      <p className="mt-2">
        The server did not answer as expected. Nothing you entered was recorded by loading this page. Try again; if it keeps failing, the service may be restarting or the database may be unreachable.
      </p>
      {error.digest ? <p className="mt-2 text-sm">Reference for your administrator: <code>{error.digest}</code></p> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={reset} className="min-h-11 rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">
          Try again
        </button>
        <Link href="/console" className="inline-flex min-h-11 items-center rounded-md border border-red-300 bg-white px-4 py-2 font-semibold text-red-900">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
