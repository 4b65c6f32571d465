import { formatCheckpointBody } from '@/lib/verify';
import type { TLedgerSigner } from './load-ledger-signer';
import { signNote } from './sign-note';

/**
 * The signed checkpoint (C2SP tlog-checkpoint) of the anchor log at
 * `treeSize` leaves with root `rootHash`: the full note text.
 * requires: origin is the signer's origin (our checkpoints are signed under
 * their origin; the verifier rejects any other); treeSize a safe integer
 * >= 0; rootHash 32 bytes. The caller must only sign roots consistent with
 * every checkpoint signed before (the sealer checks a consistency proof).
 */
export function signCheckpoint(signer: TLedgerSigner, checkpoint: { origin: string; treeSize: number; rootHash: Uint8Array }): string {
  if (checkpoint.origin !== signer.origin) {
    throw new RangeError(`signCheckpoint: origin ${JSON.stringify(checkpoint.origin)} is not the signer's ${JSON.stringify(signer.origin)}`);
  }
  return signNote(signer, formatCheckpointBody(checkpoint));
}
