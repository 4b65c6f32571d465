import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { readScan } from '@/lib/console';
import { FormMessage } from '../_components/field';
import { BUTTON, PageHeader } from '../_components/page-header';
import { plainParams } from '../_components/pagination';
import { requireActor } from '../_lib/session';

export const metadata: Metadata = { title: 'Pack history' };

/** Look up any pack (or case) by any of its codes, and open its full history. */
export default async function PackLookupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('/console/packs');
  const { code } = plainParams(await searchParams);
  const read = code ? readScan(code) : null;
  if (read?.ok && read.kind === 'pack') redirect(`/console/packs/${read.gtin}/${encodeURIComponent(read.serial)}`);
  if (read?.ok && read.kind === 'case') redirect(`/console/cases/${read.sscc}`);
  return (
    <div className="space-y-6">
      <PageHeader title="Pack history">
        {actor.orgRole === 'REGULATOR'
          ? 'Every event of any pack of the network, with the private records of who shipped it to whom, and the proofs that they are sealed in the ledger.'
          : 'Every event of a pack you make, hold or handled, with the proofs that they are sealed in the ledger.'}
      </PageHeader>
      <form method="get" role="search" aria-label="Find a pack" className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <label htmlFor="pack-code" className="block text-base font-semibold text-slate-900">
          Pack or case code
        </label>
        <input id="pack-code" name="code" defaultValue={code ?? ''} autoFocus autoComplete="off" spellCheck={false} aria-describedby="pack-code-hint" aria-invalid={read !== null && !read.ok} className="block min-h-14 w-full rounded-md border-2 border-slate-500 bg-white px-3 py-2 font-mono text-lg aria-[invalid=true]:border-red-600" />
        <p id="pack-code-hint" className="text-sm text-slate-700">
          Scan the DataMatrix, or type the code as printed: (01)…(17)…(10)…(21)…, a Digital Link, or an EPC URN. A case label (SSCC) opens the case.
        </p>
        {read && !read.ok ? <FormMessage tone="error">{read.message}</FormMessage> : null}
        <button type="submit" className={BUTTON}>
          Show the history
        </button>
      </form>
    </div>
  );
}
