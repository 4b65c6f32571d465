/** Shown instead of a settings page to people whose role does not include it. */
export function AdminOnly({ what }: { what: string }) {
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-6 text-amber-900">
      <h1 className="text-xl font-semibold">Administrators only</h1>
      <p className="mt-2">Only an administrator of your organisation can manage {what}. Ask one of them if you need a change.</p>
    </div>
  );
}
