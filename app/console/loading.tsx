/** Shown while a console page reads its data: the frame stays, so people keep their place. */
export default function ConsoleLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <p className="sr-only">Loading…</p>
      <div aria-hidden className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-4 w-full max-w-2xl animate-pulse rounded bg-slate-200" />
      <div aria-hidden className="h-48 w-full animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
