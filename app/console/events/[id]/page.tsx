import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getEventDetail, listOrganisations, privateFacts, type TEventDetail } from '@/lib/console';
import { isAppError } from '@/lib/errors';
import { LocalTime } from '../../_components/local-time';
import { LINK, PageHeader, Section } from '../../_components/page-header';
import { Badge } from '../../_components/status-badge';
import { bizStepLabel, EVENT_KIND_LABEL } from '../../_lib/labels';
import { requireActor } from '../../_lib/session';

export const metadata: Metadata = { title: 'Event' };

/** Where an identifier key leads in the console: a pack's history, a case. */
function keyLink(key: string): string | null {
  const pack = /^01\/(\d{14})\/21\/(.+)$/.exec(key);
  if (pack) return `/console/packs/${pack[1]}/${pack[2]}`;
  const sscc = /^00\/(\d{18})$/.exec(key);
  return sscc ? `/console/cases/${sscc[1]}` : null;
}

/** One event: both records (the public one as sealed, the private one with its salt), its identifiers and its proof. */
export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/console/events/${id}`);
  let event: TEventDetail;
  try {
    event = await getEventDetail(actor, id);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  const facts = privateFacts(event.privateRecord);
  const names = new Map((await listOrganisations(actor)).map((o) => [o.gln, o.name]));
  const kind = event.kind ? (EVENT_KIND_LABEL[event.kind] ?? event.kind) : bizStepLabel(event.publicRecord.bizStep);
  return (
    <div className="space-y-6">
      <PageHeader title={`${kind} · event ${id}`}>
        <p>
          Recorded by {event.recorder.name}
          {event.partners.length > 0 ? `, with ${event.partners.map((p) => p.name).join(', ')}` : ''} · <LocalTime value={event.publicRecord.eventTime} />
        </p>
      </PageHeader>
      <Section id="event-facts" title="What happened">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Business step</dt>
          <dd>{bizStepLabel(event.publicRecord.bizStep)}{event.publicRecord.disposition ? `, disposition ${event.publicRecord.disposition.replace(/_/g, ' ')}` : ''}</dd>
          <dt className="font-medium text-slate-700">Event ID</dt>
          <dd className="break-all font-mono text-sm">{event.eventId}</dd>
          <dt className="font-medium text-slate-700">Recorded</dt>
          <dd><LocalTime value={event.recordTime} /></dd>
          {facts?.from || facts?.to ? (
            <>
              <dt className="font-medium text-slate-700">From → to</dt>
              <dd>{facts.from ? (names.get(facts.from) ?? facts.from) : '—'} → {facts.to ? (names.get(facts.to) ?? facts.to) : '—'}</dd>
            </>
          ) : null}
          {facts && facts.documents.length > 0 ? (
            <>
              <dt className="font-medium text-slate-700">Documents</dt>
              <dd>{facts.documents.map((d) => `${d.type} ${d.id}`).join(', ')}</dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">Ledger</dt>
          <dd className="flex flex-wrap items-center gap-3">
            {event.seal.sealed ? <Badge tone="good">Sealed in period #{event.seal.anchorSeq}</Badge> : <Badge tone="neutral">Waiting for the next seal</Badge>}
            {event.seal.sealed ? <a href={`/api/v1/proofs/${encodeURIComponent(event.eventId)}`} className={LINK}>Proof bundle (JSON)</a> : null}
          </dd>
        </dl>
      </Section>
      <Section id="identifiers" title={`Identifiers (${event.publicRecord.epcs.count})`}>
        <ul className="grid gap-1 font-mono text-sm sm:grid-cols-2">
          {event.identifiers.map((i) => {
            const href = keyLink(i.key);
            return (
              <li key={`${i.role} ${i.key}`} className="break-all">
                <span className="mr-2 font-sans text-xs uppercase text-slate-600">{i.role}</span>
                {href ? <Link href={href} className={LINK}>{i.key}</Link> : i.key}
              </li>
            );
          })}
        </ul>
        {event.identifiers.length < event.publicRecord.epcs.count ? <p className="mt-2 text-sm text-slate-700">The first {event.identifiers.length} are listed; the Merkle root of all of them is in the public record.</p> : null}
      </Section>
      <Section id="records" title="Records">
        <details open className="mb-4">
          <summary className="cursor-pointer font-semibold">Public record, exactly as sealed into the ledger</summary>
          <p className="mt-1 text-sm text-slate-700">Leaf hash <span className="break-all font-mono">{event.leafHash}</span> = SHA-256(0x00 ‖ this text).</p>
          <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(event.publicRecord, null, 2)}</pre>
        </details>
        {event.privateRecord ? (
          <details>
            <summary className="cursor-pointer font-semibold">Private record (the parties and the regulator only)</summary>
            <p className="mt-1 text-sm text-slate-700">
              Check it: SHA-256(salt ‖ JCS(private record)) equals <span className="font-mono">privateDigest</span> of the public record. Salt <span className="break-all font-mono">{event.salt}</span>.
            </p>
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(event.privateRecord, null, 2)}</pre>
          </details>
        ) : (
          <p className="text-slate-700">The private record is shown only to the parties of the event and the regulator.</p>
        )}
      </Section>
    </div>
  );
}
