import type { Queryable } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { signCheckpoint, type TLedgerSigner } from '@/lib/ledger/checkpoint';
import type { MerkleLog } from '@/lib/ledger/merkle';
import { bytesEqual, isVerificationError, parseUnverifiedCheckpoint, toHex, verifyConsistency } from '@/lib/verify';
import { readLatestCheckpoint, type TStoredCheckpoint } from '../log/read-latest-checkpoint';

function refuse(detail: string): AppError {
  return new AppError('ledger_checkpoint_inconsistent', detail);
}

/**
 * What the latest checkpoint publicly states. Its note is what readers hold,
 * so the check runs against the signed text, and the stored columns must
 * agree with it.
 */
function statedTreeHead(checkpoint: TStoredCheckpoint): { treeSize: number; rootHash: Uint8Array } {
  let stated;
  try {
    stated = parseUnverifiedCheckpoint(checkpoint.note);
  } catch (error) {
    throw refuse(`The stored checkpoint of size ${checkpoint.treeSize} cannot be read (${error instanceof Error ? error.message : String(error)}); run \`npm run audit\`.`);
  }
  if (stated.treeSize !== checkpoint.treeSize || !bytesEqual(stated.rootHash, checkpoint.rootHash)) {
    throw refuse(`The stored checkpoint of size ${checkpoint.treeSize} does not match its own note; run \`npm run audit\`.`);
  }
  return stated;
}

/**
 * C2SP tlog-checkpoint: a log must never sign two tree heads that are not
 * consistent with each other. Before signing the new head, it is proven
 * (RFC 9162 consistency proof, checked by the public verifier's code) to
 * extend the latest checkpoint signed before; any other outcome refuses.
 */
function requireExtendsLatest(log: MerkleLog, latest: TStoredCheckpoint | null): void {
  if (!latest) {
    if (log.size !== 1) throw refuse(`The anchor log has ${log.size} entries but no checkpoint was ever stored; run \`npm run audit\`.`);
    return;
  }
  const head = statedTreeHead(latest);
  if (head.treeSize >= log.size) throw refuse(`The latest checkpoint has ${head.treeSize} entries; the anchor log only ${log.size}.`);
  try {
    verifyConsistency(head.treeSize, log.size, log.consistencyProof(head.treeSize), head.rootHash, log.root());
  } catch (error) {
    if (!isVerificationError(error)) throw error;
    throw refuse(`The anchor log of ${log.size} entries (root ${toHex(log.root())}) does not extend the checkpoint of ${head.treeSize}: ${error.message}.`);
  }
}

/**
 * Signs the checkpoint of the anchor log as it now stands and stores it.
 * requires: the log already holds the anchor just sealed in `tx`.
 */
export async function signNextCheckpoint(tx: Queryable, log: MerkleLog, signer: TLedgerSigner): Promise<string> {
  requireExtendsLatest(log, await readLatestCheckpoint(tx));
  const rootHash = log.root();
  const note = signCheckpoint(signer, { origin: signer.origin, treeSize: log.size, rootHash });
  await tx.query('INSERT INTO checkpoints (tree_size, root_hash, note) VALUES ($1, $2, $3)', [log.size, Buffer.from(rootHash), note]);
  return note;
}
