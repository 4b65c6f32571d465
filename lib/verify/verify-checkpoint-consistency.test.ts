import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signCheckpoint } from '@/lib/ledger/checkpoint/sign-checkpoint';
import { MerkleLog } from '@/lib/ledger/merkle/merkle-log';
import { fixtureSigner } from '@/lib/ledger/merkle/testing/proof-bundle-fixture';
import { sampleLeafHashes } from '@/lib/ledger/merkle/testing/reference-tree';
import { toHex } from './bytes';
import { verifyConsistencyBetweenCheckpoints } from './verify-checkpoint-consistency';

const signer = fixtureSigner();
const LEAVES = sampleLeafHashes(40, 11);
const LOG = new MerkleLog(LEAVES);
const checkpointAt = (size: number, log = LOG): string => signCheckpoint(signer, { origin: signer.origin, treeSize: size, rootHash: log.root(size) });
const proofBetween = (size1: number, size2: number): string[] => LOG.consistencyProof(size1, size2).map(toHex);
const failed = (result: { checks: { id: string; ok: boolean }[] }): string[] => result.checks.filter((c) => !c.ok).map((c) => c.id);

describe('verifyConsistencyBetweenCheckpoints', () => {
  it('accepts any older checkpoint of the same log, including the empty one and an equal one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (a, b) => {
        const [m, n] = a <= b ? [a, b] : [b, a];
        const result = verifyConsistencyBetweenCheckpoints(checkpointAt(m), checkpointAt(n), proofBetween(m, n), signer.verifierKey);
        expect(failed(result)).toEqual([]);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('says the log only grew', () => {
    const result = verifyConsistencyBetweenCheckpoints(checkpointAt(7), checkpointAt(31), proofBetween(7, 31), signer.verifierKey);
    expect(result.checks.map((c) => c.label)).toEqual([
      'The older checkpoint is signed by pharmatrace.example/ledger (7 entries)',
      'The newer checkpoint is signed by pharmatrace.example/ledger (31 entries)',
      'The log only grew, from 7 entries to 31 entries, changing nothing before',
    ]);
  });

  it('detects a rewritten history: a log whose early entry was changed', () => {
    const forked = new MerkleLog(LEAVES.map((leaf, i) => (i === 3 ? LEAVES[4]! : leaf)));
    const proof = forked.consistencyProof(7, 31).map(toHex);
    const result = verifyConsistencyBetweenCheckpoints(checkpointAt(7), checkpointAt(31, forked), proof, signer.verifierKey);
    expect(failed(result)).toEqual(['consistency']);
  });

  it('detects a log that shrank', () => {
    const result = verifyConsistencyBetweenCheckpoints(checkpointAt(31), checkpointAt(7), proofBetween(7, 31), signer.verifierKey);
    expect(failed(result)).toEqual(['consistency']);
    expect(result.checks[2]!.label).toMatch(/shrank/);
  });

  it('rejects every single-bit change of the proof, and extra or missing hashes', () => {
    const proof = proofBetween(7, 31);
    const [older, newer] = [checkpointAt(7), checkpointAt(31)];
    proof.forEach((hash, e) => {
      for (let i = 0; i < hash.length; i++) {
        const changed = proof.map((h, j) => (j === e ? h.slice(0, i) + (h[i] === '0' ? '1' : '0') + h.slice(i + 1) : h));
        expect(verifyConsistencyBetweenCheckpoints(older, newer, changed, signer.verifierKey).ok).toBe(false);
      }
    });
    expect(verifyConsistencyBetweenCheckpoints(older, newer, [...proof, proof[0]!], signer.verifierKey).ok).toBe(false);
    expect(verifyConsistencyBetweenCheckpoints(older, newer, proof.slice(1), signer.verifierKey).ok).toBe(false);
  });

  it('rejects checkpoints not signed by the given key, and junk, without throwing', () => {
    const [older, newer, proof] = [checkpointAt(7), checkpointAt(31), proofBetween(7, 31)];
    const otherKey = signer.verifierKey.replace('pharmatrace.example/ledger', 'other.example');
    expect(failed(verifyConsistencyBetweenCheckpoints(older, newer, proof, otherKey))).toEqual(['old-checkpoint', 'new-checkpoint', 'consistency']);
    expect(failed(verifyConsistencyBetweenCheckpoints(older.replace('\n7\n', '\n8\n'), newer, proof, signer.verifierKey))).toEqual(['old-checkpoint', 'consistency']);
    expect(verifyConsistencyBetweenCheckpoints(1 as never, null as never, 'x' as never, {} as never).ok).toBe(false);
    expect(verifyConsistencyBetweenCheckpoints(older, newer, ['AB'.repeat(32)], signer.verifierKey).ok).toBe(false);
  });
});
