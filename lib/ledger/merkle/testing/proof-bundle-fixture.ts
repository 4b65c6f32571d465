import { createHash, hash } from 'node:crypto';
import { ed25519KeyFromSeed } from '@/lib/ledger/checkpoint/ed25519-key';
import type { TLedgerSigner } from '@/lib/ledger/checkpoint/load-ledger-signer';
import { signCheckpoint } from '@/lib/ledger/checkpoint/sign-checkpoint';
import { anchorHashInput, formatVerifierKey, fromHex, GENESIS_PREV_HASH, toHex, type TAnchor, type TEventRecord, type TProofBundle } from '@/lib/verify';
import { buildPeriodTree, CHUNK_SIZE } from '../build-period-tree';
import { buildEpcTree, epcInclusion } from '../epc-tree';
import { fastLeafHash } from '../fast-hash';
import { eventLeafHash } from '../hash-leaves';
import { inclusionPathFromChunks } from '../inclusion-path-from-chunks';
import { MerkleLog } from '../merkle-log';
import { HASH_SIZE } from '../packed-hashes';

/**
 * A complete, genuine proof bundle built the way the ledger builds one:
 * chunked period tree, anchor chain, anchor log, signed checkpoint. For tests,
 * benchmarks and the worked example in docs/ledger/proof-bundle.md. The
 * events other than the proven one are stood in for by their leaf hashes
 * only (a verifier never sees them). Deterministic: the same options give
 * the same bundle byte for byte (Ed25519 signatures are deterministic).
 */
export type TBundleFixtureOptions = {
  /** Events in the proven event's period. */
  periodSize: number;
  leafIndex: number;
  /** Sealed periods in the anchor log (the checkpoint's size). */
  anchorCount: number;
  /** Sequence number of the proven event's period. */
  anchorSeq: number;
  /** Packs and cases the proven event names; the bundle proves the first (in key order). */
  epcCount: number;
};

export type TBundleFixture = { bundle: TProofBundle; signer: TLedgerSigner; event: TEventRecord; anchorLog: MerkleLog; anchors: TAnchor[] };

const ORIGIN = 'pharmatrace.example/ledger';

export function fixtureSigner(): TLedgerSigner {
  const key = ed25519KeyFromSeed(new Uint8Array(32).fill(0x42));
  return { name: ORIGIN, origin: ORIGIN, publicKey: key.publicKey, verifierKey: formatVerifierKey(ORIGIN, key.publicKey), sign: key.sign };
}

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

function fixtureEvent(epcKeys: string[]): TEventRecord {
  const epcs = buildEpcTree(epcKeys).summary;
  return {
    eventId: `ni:///sha-256;${digest('dispensing event')}?ver=CBV2.0`,
    eventType: 'ObjectEvent',
    eventTime: '2026-03-02T09:15:27.000Z',
    eventTimeZoneOffset: '+01:00',
    action: 'OBSERVE',
    bizStep: 'dispensing',
    disposition: 'dispensed',
    epcs,
    privateDigest: digest('private fields of the dispensing event'),
  };
}

/** The period's leaf hashes: the proven event's, and stand-ins H(0x00 || index as 4 bytes) for the others. */
function periodLeaves(size: number, leafIndex: number, eventLeaf: Uint8Array): Uint8Array {
  const packed = new Uint8Array(size * HASH_SIZE);
  const index = new Uint8Array(4);
  const view = new DataView(index.buffer);
  for (let i = 0; i < size; i++) {
    view.setUint32(0, i);
    packed.set(i === leafIndex ? eventLeaf : fastLeafHash(index), i * HASH_SIZE);
  }
  return packed;
}

function anchorFor(seq: number, prevHash: string, treeSize: number, root: Uint8Array): TAnchor {
  const start = Date.UTC(2026, 2, 2, 9, 0, 0) + seq * 60_000;
  const record = {
    seq,
    periodStart: new Date(start).toISOString(),
    periodEnd: new Date(start + 59_999).toISOString(),
    firstEventId: String(seq * 1_000_000 + 1),
    lastEventId: String(seq * 1_000_000 + treeSize),
    treeSize,
    root: toHex(root),
    prevHash,
  };
  return { ...record, hash: hash('sha256', anchorHashInput(record), 'hex') };
}

export function buildBundleFixture(options: TBundleFixtureOptions): TBundleFixture {
  const { periodSize, leafIndex, anchorCount, anchorSeq, epcCount } = options;
  const epcKeys = Array.from({ length: epcCount }, (_, i) => `01/09506000134352/21/SN${String(i).padStart(6, '0')}`);
  const event = fixtureEvent(epcKeys);
  const leaves = periodLeaves(periodSize, leafIndex, eventLeafHash(event));
  const period = buildPeriodTree(leaves);
  const chunk = Math.floor(leafIndex / CHUNK_SIZE);
  const chunkLeafHashes = leaves.subarray(chunk * CHUNK_SIZE * HASH_SIZE, Math.min((chunk + 1) * CHUNK_SIZE, periodSize) * HASH_SIZE);
  const periodPath = inclusionPathFromChunks({ leafIndex, treeSize: periodSize, chunkLeafHashes, chunkRoots: period.chunkRoots });

  const anchors: TAnchor[] = [];
  const anchorLog = new MerkleLog();
  const otherRoot = fastLeafHash(new TextEncoder().encode('a period of one event'));
  for (let seq = 0; seq < anchorCount; seq++) {
    const { treeSize, root } = seq === anchorSeq ? { treeSize: periodSize, root: period.root } : { treeSize: 1, root: otherRoot };
    anchors.push(anchorFor(seq, anchors.at(-1)?.hash ?? GENESIS_PREV_HASH, treeSize, root));
    anchorLog.append(fastLeafHash(fromHex(anchors[seq]!.hash)));
  }

  const signer = fixtureSigner();
  const checkpoint = signCheckpoint(signer, { origin: signer.origin, treeSize: anchorCount, rootHash: anchorLog.root() });
  const bundle: TProofBundle = {
    version: 1,
    event,
    epc: epcCount > 0 ? epcInclusion(buildEpcTree(epcKeys), [...epcKeys].sort()[0]!) : null,
    period: { leafIndex, treeSize: periodSize, path: periodPath.map(toHex) },
    anchor: anchors[anchorSeq]!,
    anchorLog: { index: anchorSeq, treeSize: anchorCount, path: anchorLog.inclusionProof(anchorSeq).map(toHex) },
    checkpoint,
    logKey: { name: signer.name, publicKey: toHex(signer.publicKey), verifierKey: signer.verifierKey },
  };
  return { bundle, signer, event, anchorLog, anchors };
}
