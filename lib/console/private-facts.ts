import { withCheckDigit } from '@/lib/gs1/check-digit';

/** What the private record of an event says that the public one does not: where from, where to, which documents. */
export type TPrivateFacts = {
  recorder: string | null;
  /** GLNs of the source and destination parties (owning or possessing party), when named. */
  from: string | null;
  to: string | null;
  /** Storage or business location, as stored (Digital Link or SGLN URN). */
  location: string | null;
  documents: { type: string; id: string }[];
};

const GLN_IN = /(?:\/417\/|\/414\/|:pgln:|:sgln:)([\d.]+)/;

/** The GLN in a party or location identifier (Digital Link 417/414, or an EPC URN with the company prefix dot removed). */
function glnOf(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const match = GLN_IN.exec(id);
  if (!match) return null;
  // A Digital Link carries the 13-digit GLN; an EPC URN carries company prefix and location reference without the check digit.
  const urn = match[1]!.includes('.');
  const digits = match[1]!.split('.').slice(0, 2).join('');
  if (urn) return /^\d{12}$/.test(digits) ? withCheckDigit(digits) : null;
  return /^\d{13}$/.test(digits) ? digits : null;
}

function firstParty(list: unknown, field: 'source' | 'destination'): string | null {
  if (!Array.isArray(list)) return null;
  for (const entry of list) {
    const gln = glnOf((entry as Record<string, unknown> | null)?.[field]);
    if (gln) return gln;
  }
  return null;
}

/**
 * Reads the facts a person needs from a private record (lib/events: the
 * EPCIS event as stored, and the recorder): the sender and receiver of a
 * shipment, the business documents, the storage location. Anything absent
 * or unexpected is null: the record is shown in full beside it anyway.
 */
export function privateFacts(record: Record<string, unknown> | null): TPrivateFacts | null {
  if (!record) return null;
  const event = (record.event ?? {}) as Record<string, unknown>;
  const recorder = (record.recorder ?? {}) as Record<string, unknown>;
  const documents = Array.isArray(event.bizTransactionList)
    ? event.bizTransactionList.flatMap((t) => {
        const entry = t as Record<string, unknown> | null;
        return typeof entry?.bizTransaction === 'string' ? [{ type: typeof entry.type === 'string' ? entry.type : 'document', id: entry.bizTransaction.split(/[/:]/).pop() ?? entry.bizTransaction }] : [];
      })
    : [];
  const location = (event.bizLocation as Record<string, unknown> | undefined)?.id;
  return {
    recorder: typeof recorder.name === 'string' ? recorder.name : null,
    from: firstParty(event.sourceList, 'source'),
    to: firstParty(event.destinationList, 'destination'),
    location: typeof location === 'string' ? location : null,
    documents,
  };
}
