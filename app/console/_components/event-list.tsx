import Link from 'next/link';
import { privateFacts } from '@/lib/console/private-facts';
import type { TSealStatus } from '@/lib/console/seal-status';
import type { TEventView } from '@/lib/events';
import { bizStepLabel, EVENT_KIND_LABEL } from '../_lib/labels';
import { LocalTime } from './local-time';
import { LINK } from './page-header';
import { Badge } from './status-badge';

type TProps = {
  events: TEventView[];
  seals: Map<string, TSealStatus>;
  /** Organisation names by GLN, to name senders and receivers in private records. */
  names: Map<string, string>;
  /** Link every event to its detail page (the regulator); others get links for the events they took part in. */
  detailLinks: boolean;
  /** The pack or case whose history this is: proof links then also prove that the event names it. */
  epc?: string;
  locale: string;
};

/** Who recorded an event, as far as the reader may know: the name from the private record, else the public actor. */
function recorderOf(event: TEventView): string {
  const facts = privateFacts(event.privateRecord);
  if (facts?.recorder) return facts.recorder;
  const actor = event.publicRecord.actor;
  return actor.name ?? `A ${actor.role} in ${actor.country}`;
}

/**
 * A history as a timeline: what happened, when (in the reader's time zone),
 * who recorded it, to whom it went where the reader may know, whether it is
 * sealed into the ledger yet, and the records themselves for those who
 * want to check them.
 */
export function EventList({ events, seals, names, detailLinks, epc, locale }: TProps) {
  const number = new Intl.NumberFormat(locale);
  return (
    <ol className="relative space-y-3 border-l-2 border-slate-200 pl-5">
      {events.map((event) => {
        const facts = privateFacts(event.privateRecord);
        const seal = seals.get(event.id) ?? { sealed: false };
        const kind = event.kind ? (EVENT_KIND_LABEL[event.kind] ?? event.kind) : bizStepLabel(event.publicRecord.bizStep);
        const name = (gln: string | null) => (gln ? (names.get(gln) ?? `GLN ${gln}`) : null);
        const proof = `/api/v1/proofs/${encodeURIComponent(event.eventId)}${epc ? `?epc=${encodeURIComponent(epc)}` : ''}`;
        return (
          <li key={event.id} className="relative rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
            <span aria-hidden className="absolute -left-[1.72rem] top-5 h-3 w-3 rounded-full border-2 border-white bg-brand-600" />
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold text-slate-900">
                {kind}
                {event.via ? <span className="font-normal text-slate-700"> (with case {event.via.replace(/^00\//, '')})</span> : null}
              </p>
              <LocalTime value={event.publicRecord.eventTime} className="text-sm text-slate-700" />
            </div>
            <p className="mt-1 text-sm text-slate-800">
              Recorded by {recorderOf(event)}
              {facts?.to && (event.kind === 'ship' || event.kind === 'return') ? ` · to ${name(facts.to)}` : ''}
              {facts?.from && event.kind === 'receive' ? ` · from ${name(facts.from)}` : ''}
              {facts?.location ? ` · location ${facts.location.replace(/^https:\/\/id\.gs1\.org\//, '')}` : ''}
              {facts && facts.documents.length > 0 ? ` · ${facts.documents.map((d) => `${d.type} ${d.id}`).join(', ')}` : ''}
              {` · ${number.format(event.publicRecord.epcs.count)} identifier${event.publicRecord.epcs.count === 1 ? '' : 's'}`}
            </p>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              {seal.sealed ? <Badge tone="good">Sealed in period #{seal.anchorSeq}</Badge> : <Badge tone="neutral">Waiting for the next seal</Badge>}
              {seal.sealed ? (
                <a href={proof} className={LINK}>
                  Proof bundle (JSON)
                </a>
              ) : null}
              {detailLinks || event.privateRecord !== null ? (
                <Link href={`/console/events/${event.id}`} className={LINK}>
                  Event details
                </Link>
              ) : null}
              {event.privateRecord ? <span className="text-slate-600">Private record visible to you</span> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
