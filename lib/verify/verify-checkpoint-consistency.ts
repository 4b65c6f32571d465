import { fromHex, isHexOfLength } from './bytes';
import type { TCheck } from './bundle-types';
import { fail, pass, plural, runCheck } from './check-result';
import { openCheckpoint, type TCheckpoint } from './checkpoint';
import { verifyConsistency } from './consistency';

export type TConsistencyCheckId = 'old-checkpoint' | 'new-checkpoint' | 'consistency';
export type TConsistencyResult = { ok: boolean; checks: TCheck<TConsistencyCheckId>[] };

const entries = (n: number): string => plural(n, 'entry', 'entries');

function open(id: 'old-checkpoint' | 'new-checkpoint', note: unknown, key: unknown): [TCheck<TConsistencyCheckId>, TCheckpoint | undefined] {
  const which = id === 'old-checkpoint' ? 'older' : 'newer';
  let checkpoint: TCheckpoint | undefined;
  const check = runCheck<TConsistencyCheckId>(id, `The ${which} checkpoint is not validly signed by the log key`, () => {
    if (typeof note !== 'string' || typeof key !== 'string') throw new TypeError('the checkpoint and the verifier key must be strings');
    checkpoint = openCheckpoint(note, key);
    return pass(id, `The ${which} checkpoint is signed by ${checkpoint.origin} (${entries(checkpoint.treeSize)})`);
  });
  return [check, checkpoint];
}

function checkConsistency(older: TCheckpoint | undefined, newer: TCheckpoint | undefined, proof: unknown): TCheck<TConsistencyCheckId> {
  const failLabel = 'The newer checkpoint is not shown to extend the older one';
  if (!older || !newer) return fail('consistency', failLabel, 'both checkpoints must verify first');
  if (newer.treeSize < older.treeSize) {
    return fail('consistency', 'The log shrank: the newer checkpoint has fewer entries', 'a log that only grows never gets smaller', {
      expected: `>= ${older.treeSize}`,
      computed: String(newer.treeSize),
    });
  }
  if (!Array.isArray(proof) || proof.length > 64 || !proof.every((h) => isHexOfLength(h, 32))) {
    return fail('consistency', failLabel, 'the proof must be an array of at most 64 hashes in lowercase hex');
  }
  return runCheck('consistency', failLabel, () => {
    verifyConsistency(older.treeSize, newer.treeSize, (proof as string[]).map(fromHex), older.rootHash, newer.rootHash);
    return pass('consistency', `The log only grew, from ${entries(older.treeSize)} to ${entries(newer.treeSize)}, changing nothing before`);
  });
}

/**
 * For a reader who kept an older checkpoint: checks that both checkpoints
 * are signed by the log key (its verifier key text) and that `proof` (RFC
 * 9162 consistency proof, lowercase hex) shows the newer log contains the
 * older one unchanged. Never throws; `ok` only when all three checks pass.
 */
export function verifyConsistencyBetweenCheckpoints(oldNote: string, newNote: string, proof: readonly string[], verifierKey: string): TConsistencyResult {
  try {
    const [oldCheck, older] = open('old-checkpoint', oldNote, verifierKey);
    const [newCheck, newer] = open('new-checkpoint', newNote, verifierKey);
    const checks = [oldCheck, newCheck, checkConsistency(older, newer, proof)];
    return { ok: checks.every((c) => c.ok), checks };
  } catch (error) {
    return { ok: false, checks: [fail('consistency', 'The checkpoints could not be compared', error instanceof Error ? error.message : String(error))] };
  }
}
