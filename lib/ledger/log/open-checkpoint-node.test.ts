import { describe, expect, it } from 'vitest';
import { ed25519KeyFromSeed } from '@/lib/ledger/checkpoint/ed25519-key';
import { signCheckpoint } from '@/lib/ledger/checkpoint/sign-checkpoint';
import { signNote } from '@/lib/ledger/checkpoint/sign-note';
import { fixtureSigner } from '@/lib/ledger/merkle/testing/proof-bundle-fixture';
import { formatVerifierKey, openCheckpoint, parseVerifierKey, toHex } from '@/lib/verify';
import { openCheckpointWithNodeCrypto } from './open-checkpoint-node';

const signer = fixtureSigner();
const key = parseVerifierKey(signer.verifierKey);
const rootHash = new Uint8Array(32).fill(7);
const genuine = signCheckpoint(signer, { origin: signer.origin, treeSize: 12, rootHash });

function otherSigner(name = signer.origin) {
  const other = ed25519KeyFromSeed(new Uint8Array(32).fill(0x17));
  return { ...other, name, origin: name, verifierKey: formatVerifierKey(name, other.publicKey) };
}

function outcome(open: () => { treeSize: number; rootHash: Uint8Array }): string {
  try {
    const checkpoint = open();
    return `ok ${checkpoint.treeSize} ${toHex(checkpoint.rootHash)}`;
  } catch (error) {
    return `refused (${(error as { kind?: string }).kind})`;
  }
}

const witness = otherSigner('witness.example');
const cases: [string, string][] = [
  ['a genuine checkpoint', genuine],
  ['a checkpoint signed by another key under the same name', signCheckpoint(otherSigner(), { origin: signer.origin, treeSize: 12, rootHash })],
  ['a checkpoint whose root was changed after signing', genuine.replace(/\n[A-Za-z0-9+/]{43}=\n/, `\n${Buffer.alloc(32, 8).toString('base64')}\n`)],
  ['a checkpoint whose size was changed after signing', genuine.replace('\n12\n', '\n13\n')],
  ['a genuine checkpoint with an extra witness signature', `${genuine}${signNote(witness, genuine.slice(0, genuine.indexOf('\n\n') + 1)).split('\n\n')[1]}`],
  ['a checkpoint of another origin signed by our key', signNote(signer, `other.example/log\n12\n${Buffer.from(rootHash).toString('base64')}\n`)],
  ['a signature line with a corrupted signature', genuine.replace(/ (\S+)\n$/, (_m, sig: string) => ` ${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}\n`)],
  ['text that is no note', 'not a note'],
];

describe('openCheckpointWithNodeCrypto', () => {
  it.each(cases)('gives the same verdict as the public verifier for %s', (_, note) => {
    expect(outcome(() => openCheckpointWithNodeCrypto(note, key))).toBe(outcome(() => openCheckpoint(note, key)));
  });

  it('accepts the genuine checkpoint and refuses every tampered one', () => {
    const verdicts = cases.map(([, note]) => outcome(() => openCheckpointWithNodeCrypto(note, key)).split(' ')[0]);
    expect(verdicts).toEqual(['ok', 'refused', 'refused', 'refused', 'ok', 'refused', 'refused', 'refused']);
  });
});
