import type { Metadata } from 'next';
import { can } from '@/lib/auth/permissions';
import { listAuditRuns } from '@/lib/console';
import { isAppError } from '@/lib/errors';
import { describeLedgerKey, listAnchors, readCheckpointNote } from '@/lib/ledger';
import { LocalTime } from '../_components/local-time';
import { EmptyState, PageHeader, Section, TABLE_WRAP, TD, TH } from '../_components/page-header';
import { Badge } from '../_components/status-badge';
import { formatCount, requestLocale } from '../_lib/locale';
import { requireActor } from '../_lib/session';
import { AuditPanel } from './audit-panel';

export const metadata: Metadata = { title: 'Ledger and audit' };

async function latestNote(): Promise<string | null> {
  try {
    return await readCheckpointNote();
  } catch (error) {
    if (isAppError(error) && error.code === 'ledger_nothing_sealed') return null;
    throw error;
  }
}

/** The ledger's state: the latest signed checkpoint, the recent sealed periods, the audit runs, and the audit button. */
export default async function LedgerPage() {
  const actor = await requireActor('/console/ledger');
  if (!can(actor, 'ledger:audit')) {
    return <PageHeader title="Ledger and audit">Auditing the ledger is the regulator&apos;s. Anyone can fetch the signed checkpoint from /api/v1/ledger/checkpoint and check proofs on the public verification page.</PageHeader>;
  }
  const [locale, note, key, anchors, runs] = await Promise.all([requestLocale(), latestNote(), describeLedgerKey(), listAnchors({ limit: 10 }), listAuditRuns(actor)]);
  return (
    <div className="space-y-6">
      <PageHeader title="Ledger and audit">Every event is sealed, period by period, into a Merkle tree whose root joins the signed, append-only anchor chain. The audit recomputes all of it from the stored records.</PageHeader>
      <Section id="audit" title="Audit">
        <AuditPanel />
        {runs.length > 0 ? (
          <div className={`${TABLE_WRAP} mt-5`}>
            <table className="min-w-full text-sm">
              <caption className="px-3 py-2 text-left font-semibold text-slate-900">Recent audit runs</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>Started</th>
                  <th scope="col" className={TH}>Result</th>
                  <th scope="col" className={`${TH} text-right`}>Events</th>
                  <th scope="col" className={`${TH} text-right`}>Took</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {runs.map((r) => (
                  <tr key={r.id}>
                    <td className={TD}><LocalTime value={r.startedAt} /></td>
                    <td className={TD}>
                      {r.ok === true ? <Badge tone="good">Passed</Badge> : r.ok === false ? <Badge tone="bad">Failed</Badge> : <Badge tone="neutral">Running or interrupted</Badge>}
                      {r.firstFailure ? <span className="block text-xs text-red-800">{r.firstFailure}</span> : null}
                    </td>
                    <td className={`${TD} text-right tabular-nums`}>{r.events === null ? '—' : formatCount(r.events, locale)}</td>
                    <td className={`${TD} text-right tabular-nums`}>{r.durationMs === null ? '—' : `${formatCount(r.durationMs, locale)} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
      <Section id="checkpoint" title="Latest checkpoint">
        {note ? (
          <>
            <p className="text-sm text-slate-700">A C2SP signed note over the anchor log: origin, log size, root hash, and the Ed25519 signature. Keep a copy: any later checkpoint must be consistent with it.</p>
            <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-sm text-slate-100">{note}</pre>
          </>
        ) : (
          <p className="text-slate-700">Nothing has been sealed yet. The first checkpoint is signed when the first period is sealed.</p>
        )}
        <p className="mt-3 text-sm text-slate-700">
          Verifier key: <span className="break-all font-mono">{key.verifierKey}</span>
        </p>
      </Section>
      <Section id="anchors" title="Recent sealed periods">
        {anchors.items.length === 0 ? (
          <EmptyState title="No sealed period yet">The sealer seals recorded events every period; they appear here.</EmptyState>
        ) : (
          <div className={TABLE_WRAP}>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={TH}>Period</th>
                  <th scope="col" className={TH}>Ends</th>
                  <th scope="col" className={`${TH} text-right`}>Events</th>
                  <th scope="col" className={TH}>Root</th>
                  <th scope="col" className={TH}>Anchor hash</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {anchors.items.map((a) => (
                  <tr key={a.seq}>
                    <th scope="row" className={`${TD} text-left font-semibold`}>#{a.seq}</th>
                    <td className={TD}><LocalTime value={a.periodEnd} /></td>
                    <td className={`${TD} text-right tabular-nums`}>{formatCount(a.treeSize, locale)}</td>
                    <td className={`${TD} font-mono text-xs`} title={a.root}>{a.root.slice(0, 16)}…</td>
                    <td className={`${TD} font-mono text-xs`} title={a.hash}>{a.hash.slice(0, 16)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
