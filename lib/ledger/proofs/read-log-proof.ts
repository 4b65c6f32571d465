import type { Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { signCheckpoint, type TLedgerSigner } from '@/lib/ledger/checkpoint';
import { bytesEqual, parseUnverifiedCheckpoint, parseVerifierKey } from '@/lib/verify';
import { withAnchorLog } from '../anchor-log/anchor-log-cache';
import { openCheckpointWithNodeCrypto } from '../log/open-checkpoint-node';
import { readLatestCheckpoint, type TStoredCheckpoint } from '../log/read-latest-checkpoint';

export type TLogProof = { checkpoint: string; treeSize: number; path: Uint8Array[] };

/** Notes already checked against the current key: note text -> the note to serve. */
const served = new Map<string, string>();

function integrity(detail: string): AppError {
  return new AppError('ledger_integrity_failure', detail);
}

function statesTreeHead(stored: TStoredCheckpoint): boolean {
  try {
    const head = parseUnverifiedCheckpoint(stored.note);
    return head.treeSize === stored.treeSize && bytesEqual(head.rootHash, stored.rootHash);
  } catch {
    return false;
  }
}

/**
 * The note to hand out for the latest checkpoint. Normally the stored note
 * itself. If it is not signed by the key this server now holds (the key was
 * rotated, docs/decisions/032), the same tree head, whose root was just
 * checked against the anchor log, is signed again with the current key:
 * re-signing a tree head is consistent with everything signed before.
 */
function noteToServe(stored: TStoredCheckpoint, signer: TLedgerSigner): string {
  const known = served.get(stored.note);
  if (known) return known;
  let note = stored.note;
  try {
    openCheckpointWithNodeCrypto(stored.note, parseVerifierKey(signer.verifierKey));
  } catch {
    if (!statesTreeHead(stored)) throw integrity(`The stored checkpoint of size ${stored.treeSize} does not match its own note.`);
    console.warn(`[ledger] the checkpoint of size ${stored.treeSize} is not signed by the current key ${signer.verifierKey}; serving it re-signed`);
    note = signCheckpoint(signer, { origin: signer.origin, treeSize: stored.treeSize, rootHash: stored.rootHash });
  }
  if (served.size > 1000) served.clear();
  served.set(stored.note, note);
  return note;
}

/**
 * Inclusion of anchor `seq` in the anchor log at the size of the latest
 * checkpoint, with that checkpoint. The checkpoint's root is checked
 * against the log rebuilt from the anchors before anything is served.
 */
export async function readLogProof(db: Queryable, seq: number, signer: TLedgerSigner): Promise<TLogProof> {
  const latest = await readLatestCheckpoint(db);
  if (!latest || latest.treeSize <= seq) throw integrity(`Anchor #${seq} is sealed but no checkpoint covers it.`);
  return withAnchorLog(db, (log) => {
    if (log.size < latest.treeSize || !bytesEqual(log.root(latest.treeSize), latest.rootHash)) {
      throw integrity(`The checkpoint of size ${latest.treeSize} does not match the anchors stored.`);
    }
    return { checkpoint: noteToServe(latest, signer), treeSize: latest.treeSize, path: log.inclusionProof(seq, latest.treeSize) };
  });
}
