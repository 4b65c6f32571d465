'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">The page could not be shown. Please try again; if it keeps failing, the service may be restarting.</p>
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand-600 px-4 py-2 font-medium text-white">
        Try again
      </button>
    </div>
  );
}
