import { getPool } from '@/lib/db';
import { toHex, type TProofBundle } from '@/lib/verify';
import { anchorFromRow } from '../anchor-hash';
import { readAnchorContaining } from '../anchor-rows';
import { getLedgerSigner } from '../ledger-signer';
import { epcInclusionForEvent } from './epc-inclusion-for-event';
import { parseEventIdParam } from './parse-event-id';
import { pendingProof, type TPendingProof } from './pending-proof';
import { readEventForProof } from './read-event-for-proof';
import { readLogProof } from './read-log-proof';
import { readPeriodPath } from './read-period-path';
import { resolveEpcKey } from './resolve-epc-key';

export type TProofAnswer = { status: 'sealed'; bundle: TProofBundle } | TPendingProof;

export type TProofOptions = {
  /** A pack or case the event should be shown to name: a canonical key or any GS1 code. Adds the bundle's `epc` member. */
  epc?: string;
};

/**
 * The proof bundle of one event (docs/ledger/proof-bundle.md, version 1),
 * or its pending state when its period is not sealed yet. `eventId` is the
 * event's CBV 2.0 hash ID or its bare hex digest. Reads: the event, one
 * chunk and the chunk roots of its period, its anchor and the latest
 * checkpoint; the anchor-log path comes from the log held in memory.
 */
export async function buildProofBundle(eventId: string, options: TProofOptions = {}): Promise<TProofAnswer> {
  const storedId = parseEventIdParam(eventId);
  const epcKey = options.epc === undefined ? undefined : resolveEpcKey(options.epc);
  const db = getPool();
  const event = await readEventForProof(db, storedId);
  const epc = epcKey === undefined ? null : await epcInclusionForEvent(db, event, epcKey);
  const anchor = await readAnchorContaining(db, event.id);
  if (!anchor) return pendingProof(db, event);
  const period = await readPeriodPath(db, anchor, event.id);
  const signer = await getLedgerSigner();
  const log = await readLogProof(db, anchor.seq, signer);
  const bundle: TProofBundle = {
    version: 1,
    event: event.record,
    epc,
    period: { leafIndex: period.leafIndex, treeSize: anchor.treeSize, path: period.path.map(toHex) },
    anchor: anchorFromRow(anchor),
    anchorLog: { index: anchor.seq, treeSize: log.treeSize, path: log.path.map(toHex) },
    checkpoint: log.checkpoint,
    logKey: { name: signer.name, publicKey: toHex(signer.publicKey), verifierKey: signer.verifierKey },
  };
  return { status: 'sealed', bundle };
}
