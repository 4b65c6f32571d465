import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPeriodTree, consistencyProof, inclusionProof, MerkleLog, merkleRoot, merkletreejsRoot } from '@/lib/ledger/merkle';
import { fromHex, toHex } from './bytes';
import { verifyConsistency } from './consistency';
import { emptyRoot, leafHash } from './hash';
import { rootFromInclusionProof, verifyInclusion } from './inclusion';
import { isVerificationError } from './verification-error';

/**
 * Known answers for RFC 6962 / RFC 9162 Merkle trees over the eight leaves
 * that Certificate Transparency's test suites use.
 *
 * The issue gives three roots (sizes 8, 3 and 0). Everything else below was
 * derived with the deliberately naive reference in this file, written straight
 * from RFC 6962 §2.1 (MTH), §2.1.1 (PATH) and §2.1.2 (PROOF/SUBPROOF), which
 * recurse over slices of the leaf list and hash with node:crypto; it shares no
 * code with lib/verify or lib/ledger. To reproduce a literal, evaluate
 * `toHex(mth(LEAVES.slice(a, b)))` for SUBTREE['a:b'], and map `path(m,
 * LEAVES.slice(0, n))` / `proof(m, LEAVES.slice(0, n))` to subtree names for
 * INCLUSION['m/n'] / CONSISTENCY['m/n']; the first test checks exactly that.
 * They agree with the vectors published by Certificate Transparency
 * (e.g. the inclusion proof of leaf 0 in the tree of 8 is 96a296d2...,
 * 5f083f0a..., 6b47aaf2...).
 */

const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  Buffer.from(h, 'hex'),
);

// ---- naive reference, straight from RFC 6962 §2.1 ----
const sha = (...parts: Buffer[]): Buffer => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const k = (n: number): number => (n <= 1 ? 0 : 2 ** Math.ceil(Math.log2(n) - 1));
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return sha(Buffer.alloc(0));
  if (d.length === 1) return sha(Buffer.from([0]), d[0]!);
  return sha(Buffer.from([1]), mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length))));
}
function path(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
}
function subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))] : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
}
const proof = (m: number, d: Buffer[]): Buffer[] => subproof(m, d, true);
// ---- end of reference ----

const SUBTREE: Record<string, string> = {
  '0:1': '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '0:2': 'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  '0:3': 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  '0:4': 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '0:5': '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '0:6': '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  '0:7': 'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '0:8': '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  '1:2': '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '2:3': '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '2:4': '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
  '3:4': '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  '4:5': 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4:6': '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
  '4:7': '837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e',
  '4:8': '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
  '5:6': '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  '6:7': 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '6:8': 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  '7:8': '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
};
const INCLUSION: Record<string, string[]> = {
  '0/1': [],
  '0/2': ['1:2'],
  '1/2': ['0:1'],
  '0/3': ['1:2', '2:3'],
  '1/3': ['0:1', '2:3'],
  '2/3': ['0:2'],
  '0/4': ['1:2', '2:4'],
  '1/4': ['0:1', '2:4'],
  '2/4': ['3:4', '0:2'],
  '3/4': ['2:3', '0:2'],
  '0/5': ['1:2', '2:4', '4:5'],
  '1/5': ['0:1', '2:4', '4:5'],
  '2/5': ['3:4', '0:2', '4:5'],
  '3/5': ['2:3', '0:2', '4:5'],
  '4/5': ['0:4'],
  '0/6': ['1:2', '2:4', '4:6'],
  '1/6': ['0:1', '2:4', '4:6'],
  '2/6': ['3:4', '0:2', '4:6'],
  '3/6': ['2:3', '0:2', '4:6'],
  '4/6': ['5:6', '0:4'],
  '5/6': ['4:5', '0:4'],
  '0/7': ['1:2', '2:4', '4:7'],
  '1/7': ['0:1', '2:4', '4:7'],
  '2/7': ['3:4', '0:2', '4:7'],
  '3/7': ['2:3', '0:2', '4:7'],
  '4/7': ['5:6', '6:7', '0:4'],
  '5/7': ['4:5', '6:7', '0:4'],
  '6/7': ['4:6', '0:4'],
  '0/8': ['1:2', '2:4', '4:8'],
  '1/8': ['0:1', '2:4', '4:8'],
  '2/8': ['3:4', '0:2', '4:8'],
  '3/8': ['2:3', '0:2', '4:8'],
  '4/8': ['5:6', '6:8', '0:4'],
  '5/8': ['4:5', '6:8', '0:4'],
  '6/8': ['7:8', '4:6', '0:4'],
  '7/8': ['6:7', '4:6', '0:4'],
};
const CONSISTENCY: Record<string, string[]> = {
  '1/2': ['1:2'],
  '1/3': ['1:2', '2:3'],
  '2/3': ['2:3'],
  '1/4': ['1:2', '2:4'],
  '2/4': ['2:4'],
  '3/4': ['2:3', '3:4', '0:2'],
  '1/5': ['1:2', '2:4', '4:5'],
  '2/5': ['2:4', '4:5'],
  '3/5': ['2:3', '3:4', '0:2', '4:5'],
  '4/5': ['4:5'],
  '1/6': ['1:2', '2:4', '4:6'],
  '2/6': ['2:4', '4:6'],
  '3/6': ['2:3', '3:4', '0:2', '4:6'],
  '4/6': ['4:6'],
  '5/6': ['4:5', '5:6', '0:4'],
  '1/7': ['1:2', '2:4', '4:7'],
  '2/7': ['2:4', '4:7'],
  '3/7': ['2:3', '3:4', '0:2', '4:7'],
  '4/7': ['4:7'],
  '5/7': ['4:5', '5:6', '6:7', '0:4'],
  '6/7': ['4:6', '6:7', '0:4'],
  '1/8': ['1:2', '2:4', '4:8'],
  '2/8': ['2:4', '4:8'],
  '3/8': ['2:3', '3:4', '0:2', '4:8'],
  '4/8': ['4:8'],
  '5/8': ['4:5', '5:6', '6:8', '0:4'],
  '6/8': ['4:6', '6:8', '0:4'],
  '7/8': ['6:7', '7:8', '4:6', '0:4'],
};

const hashOf = (range: string): Uint8Array => fromHex(SUBTREE[range]!);
const rootOf = (n: number): Uint8Array => (n === 0 ? emptyRoot() : hashOf(`0:${n}`));
const leafOf = (i: number): Uint8Array => leafHash(LEAVES[i]!);
const LEAF_HASHES = LEAVES.map((_, i) => leafOf(i));
const claims = (table: Record<string, string[]>): [number, number, Uint8Array[]][] =>
  Object.entries(table).map(([key, ranges]) => {
    const [m, n] = key.split('/').map(Number) as [number, number];
    return [m, n, ranges.map(hashOf)];
  });

function inclusionHolds(index: number, size: number, p: Uint8Array[], root: Uint8Array, leaf = leafOf(index)): boolean {
  try {
    verifyInclusion(leaf, index, size, p, root);
    return true;
  } catch (error) {
    expect(isVerificationError(error)).toBe(true);
    return false;
  }
}

function consistencyHolds(m: number, n: number, p: Uint8Array[], root1 = rootOf(m), root2 = rootOf(n)): boolean {
  try {
    verifyConsistency(m, n, p, root1, root2);
    return true;
  } catch (error) {
    expect(isVerificationError(error)).toBe(true);
    return false;
  }
}

const flipBit = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = bytes.slice();
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
};

describe('RFC 6962 known answers', () => {
  it('the literals are what the naive reference derives from the RFC', () => {
    for (const [range, hex] of Object.entries(SUBTREE)) {
      const [a, b] = range.split(':').map(Number);
      expect(toHex(mth(LEAVES.slice(a, b))), range).toBe(hex);
    }
    for (const [m, n, p] of claims(INCLUSION)) expect(path(m, LEAVES.slice(0, n)).map(toHex), `${m}/${n}`).toEqual(p.map(toHex));
    for (const [m, n, p] of claims(CONSISTENCY)) expect(proof(m, LEAVES.slice(0, n)).map(toHex), `${m}/${n}`).toEqual(p.map(toHex));
  });

  it('gives the roots published in the issue for 8, 3 and 0 leaves', () => {
    expect(toHex(rootOf(8))).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    expect(toHex(rootOf(3))).toBe('aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77');
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('every root builder gives the known root of each size 0..8', () => {
    for (let n = 0; n <= 8; n++) {
      const leaves = LEAF_HASHES.slice(0, n);
      const expected = toHex(rootOf(n));
      expect(toHex(merkleRoot(leaves)), `merkleRoot ${n}`).toBe(expected);
      expect(toHex(new MerkleLog(LEAF_HASHES).root(n)), `MerkleLog ${n}`).toBe(expected);
      expect(toHex(buildPeriodTree(leaves).root), `buildPeriodTree ${n}`).toBe(expected);
      expect(toHex(merkletreejsRoot(leaves)), `merkletreejs ${n}`).toBe(expected);
    }
  });

  it('our generator produces exactly the known inclusion and consistency proofs', () => {
    for (const [m, n, p] of claims(INCLUSION)) expect(inclusionProof(LEAF_HASHES, m, n).map(toHex), `${m}/${n}`).toEqual(p.map(toHex));
    for (const [m, n, p] of claims(CONSISTENCY)) expect(consistencyProof(LEAF_HASHES, m, n).map(toHex), `${m}/${n}`).toEqual(p.map(toHex));
  });

  it('our verifier accepts every known proof', () => {
    for (const [m, n, p] of claims(INCLUSION)) {
      expect(toHex(rootFromInclusionProof(leafOf(m), m, n, p)), `${m}/${n}`).toBe(toHex(rootOf(n)));
      expect(inclusionHolds(m, n, p, rootOf(n)), `${m}/${n}`).toBe(true);
    }
    for (const [m, n, p] of claims(CONSISTENCY)) expect(consistencyHolds(m, n, p), `${m}/${n}`).toBe(true);
    expect(consistencyHolds(0, 8, [])).toBe(true);
    for (let n = 0; n <= 8; n++) expect(consistencyHolds(n, n, [])).toBe(true);
  });

  // Wrong index and wrong sizes, exhaustively: a proof is accepted for a claim
  // (leaf j in the tree of s leaves with its true root) exactly when it is
  // that claim's own proof.
  it('accepts a known inclusion proof for no other leaf or tree size', () => {
    const all = claims(INCLUSION);
    for (const [m, n, p] of all) {
      for (const [j, s] of all) expect(inclusionHolds(j, s, p, rootOf(s)), `proof ${m}/${n} as ${j}/${s}`).toBe(j === m && s === n);
    }
  });

  it('accepts a known consistency proof for no other pair of sizes', () => {
    const all = claims(CONSISTENCY);
    for (const [m, n, p] of all) {
      for (const [i, j] of all) expect(consistencyHolds(i, j, p), `proof ${m}/${n} as ${i}/${j}`).toBe(i === m && j === n);
    }
  });

  it('rejects every single-bit change of the leaf, of each proof hash and of the root', () => {
    for (const [m, n, p] of claims(INCLUSION)) {
      for (let bit = 0; bit < 256; bit++) {
        expect(inclusionHolds(m, n, p, rootOf(n), flipBit(leafOf(m), bit))).toBe(false);
        expect(inclusionHolds(m, n, p, flipBit(rootOf(n), bit))).toBe(false);
        p.forEach((_, e) => expect(inclusionHolds(m, n, p.map((h, i) => (i === e ? flipBit(h, bit) : h)), rootOf(n))).toBe(false));
      }
    }
  });

  it('rejects every single-bit change of a consistency proof hash and of either root', () => {
    for (const [m, n, p] of claims(CONSISTENCY)) {
      for (let bit = 0; bit < 256; bit++) {
        expect(consistencyHolds(m, n, p, flipBit(rootOf(m), bit))).toBe(false);
        expect(consistencyHolds(m, n, p, rootOf(m), flipBit(rootOf(n), bit))).toBe(false);
        p.forEach((_, e) => expect(consistencyHolds(m, n, p.map((h, i) => (i === e ? flipBit(h, bit) : h)))).toBe(false));
      }
    }
  });

  it('rejects proofs with an extra, a missing, a repeated or a truncated hash', () => {
    const extra = fromHex('00'.repeat(32));
    for (const [m, n, p] of claims(INCLUSION)) {
      expect(inclusionHolds(m, n, [...p, extra], rootOf(n))).toBe(false);
      expect(inclusionHolds(m, n, [extra, ...p], rootOf(n))).toBe(false);
      if (p.length > 0) expect(inclusionHolds(m, n, [...p, p.at(-1)!], rootOf(n))).toBe(false);
      p.forEach((_, e) => expect(inclusionHolds(m, n, p.filter((__, i) => i !== e), rootOf(n))).toBe(false));
      p.forEach((h, e) => expect(inclusionHolds(m, n, p.map((x, i) => (i === e ? h.slice(0, 31) : x)), rootOf(n))).toBe(false));
    }
    for (const [m, n, p] of claims(CONSISTENCY)) {
      expect(consistencyHolds(m, n, [...p, extra])).toBe(false);
      expect(consistencyHolds(m, n, [...p, p.at(-1)!])).toBe(false);
      expect(consistencyHolds(m, n, [rootOf(m), ...p])).toBe(false);
      p.forEach((_, e) => expect(consistencyHolds(m, n, p.filter((__, i) => i !== e))).toBe(false));
      p.forEach((h, e) => expect(consistencyHolds(m, n, p.map((x, i) => (i === e ? Uint8Array.of(...h, 0) : x)))).toBe(false));
    }
  });
});
