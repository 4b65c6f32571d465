import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBundleFixture } from '@/lib/ledger/merkle/testing/proof-bundle-fixture';
import { fuzzRuns } from '@/lib/testing/fuzz/clear-answer';
import { mutatedDocument, mutatedText } from '@/lib/testing/fuzz/malformed-documents';
import { checkStepProof } from '@/lib/verification/proof/check-step-proof';
import type { TVerifyResult } from './bundle-types';
import { canonicalJson } from './jcs';
import { verifyBundle } from './verify-bundle';

/*
 * Proof bundles come from outside (a download, a server that may lie), and
 * there is no HTTP endpoint that takes one: the page and the CLI verify
 * them with verifyBundle. Thousands of mutated genuine bundles (members
 * deleted, renamed, retyped, nested, repeated; the JSON text cut and
 * spliced; well-formed but wrong hashes and sizes; mangled checkpoint
 * notes and keys): verifyBundle never throws, and it passes exactly the
 * bundles equal to the genuine one, failing every other one with a check
 * that says what broke. verify-bundle.test.ts pins which check fails for
 * each single-field change; this only hunts for throws and false passes.
 */
const { bundle: BUNDLE, signer } = buildBundleFixture({ periodSize: 100, leafIndex: 37, anchorCount: 13, anchorSeq: 6, epcCount: 5 });
const TEXT = JSON.stringify(BUNDLE);
const CANONICAL = canonicalJson(BUNDLE);
const TRUSTED = { trustedVerifierKey: signer.verifierKey };

const noteBody = (note: string) => note.slice(0, note.lastIndexOf('\n\n') + 1);
const GENUINE_SIGNATURE = BUNDLE.checkpoint.slice(BUNDLE.checkpoint.lastIndexOf('\n\n') + 2, -1);

/** The genuine note, maybe with more signature lines (a witness's, the same one twice), which verifiers ignore. */
function sameNote(note: unknown): boolean {
  return typeof note === 'string' && noteBody(note) === noteBody(BUNDLE.checkpoint) && note.slice(note.lastIndexOf('\n\n') + 2).split('\n').includes(GENUINE_SIGNATURE);
}

/**
 * Whether `text` claims nothing the genuine bundle does not: it parses to
 * the genuine bundle (whitespace spliced in, a no-op change), maybe as an
 * event-level proof (epc null: the same event, no pack named) or with
 * extra signatures on the checkpoint.
 */
function claimsNoMore(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const weakened = { ...parsed, epc: parsed.epc === null ? BUNDLE.epc : parsed.epc, checkpoint: sameNote(parsed.checkpoint) ? BUNDLE.checkpoint : parsed.checkpoint };
    return canonicalJson(weakened) === CANONICAL;
  } catch {
    return false;
  }
}

/** Passes exactly what claims no more than the genuine bundle, and always the genuine bundle itself. */
function expectSound(text: string): void {
  const { ok } = verdictOn(text);
  if (ok) expect(claimsNoMore(text), 'a changed bundle passed').toBe(true);
  if (text === TEXT) expect(ok).toBe(true);
}

/** The verdict on `input`, asserted never to throw and to explain every failure. */
function verdictOn(input: unknown): TVerifyResult {
  let result: TVerifyResult | undefined;
  expect(() => (result = verifyBundle(input, TRUSTED))).not.toThrow();
  expect(result!.checks.length).toBeGreaterThan(0);
  for (const check of result!.checks.filter((c) => !c.ok)) {
    expect(check.label.length).toBeGreaterThan(0);
    expect(`${check.detail ?? ''}${check.expected ?? ''}${check.computed ?? ''}`.length, check.label).toBeGreaterThan(0);
  }
  if (result!.checks[0]!.ok === false) expect(result!.checks).toHaveLength(1);
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  return result!;
}

/** The JSON text of a copy of the genuine bundle changed by `change` with a generated value. */
const mutateAt =
  <T>(change: (value: T, bundle: Record<string, unknown>) => void) =>
  (value: T): string => {
    const bundle = structuredClone(BUNDLE) as unknown as Record<string, unknown>;
    change(value, bundle);
    return JSON.stringify(bundle);
  };

describe('verifyBundle on generated mutations of a genuine bundle', () => {
  it('the genuine bundle passes (the mutations start from a bundle that verifies)', () => {
    expect(verdictOn(TEXT).ok).toBe(true);
  });

  // Found by the structural property: an unknown member named "" used to slip past the format check.
  it.each(['logKey', 'anchor', 'period', 'epc'] as const)('refuses a member named "" in %s', (member) => {
    const bundle = structuredClone(BUNDLE) as unknown as Record<string, Record<string, unknown>>;
    bundle[member]![''] = 1;
    expect(verdictOn(bundle).checks).toEqual([expect.objectContaining({ id: 'format', ok: false, detail: `${member}."" is not part of format version 1` })]);
  });

  it('structural mutations: members deleted, renamed, retyped, nested, repeated, added', () => {
    fc.assert(
      fc.property(mutatedDocument(BUNDLE), (text) => {
        expectSound(text);
      }),
      fuzzRuns(4_000),
    );
  }, 60_000);

  it('mangled JSON text: cut, spliced, wrapped, nested up to 100,000 deep, not JSON', () => {
    fc.assert(
      fc.property(mutatedText(TEXT), (text) => {
        expectSound(text);
      }),
      fuzzRuns(2_000),
    );
  }, 60_000);

  it('well-formed but wrong: other hashes, indices and sizes at the edges of the integers', () => {
    const hash = fc.stringMatching(/^[0-9a-f]{64}$/);
    const size = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1));
    const member = fc.constantFrom('period', 'anchorLog');
    const wrong = fc.oneof(
      fc.tuple(fc.constantFrom('root', 'prevHash', 'hash'), hash).map(mutateAt(([key, h], b) => void ((b.anchor as Record<string, unknown>)[key] = h))),
      fc.tuple(member, fc.nat(40), hash).map(mutateAt(([key, i, h], b) => void ((b[key] as { path: string[] }).path[i % 5] = h))),
      fc.tuple(member, fc.array(hash, { maxLength: 64 })).map(mutateAt(([key, path], b) => void ((b[key] as { path: string[] }).path = path))),
      fc.tuple(member, size, size).map(mutateAt(([key, index, treeSize], b) => void Object.assign(b[key] as object, key === 'period' ? { leafIndex: index, treeSize } : { index, treeSize }))),
      fc.tuple(size, size).map(mutateAt(([seq, treeSize], b) => void Object.assign(b.anchor as object, { seq, treeSize }))),
      fc.tuple(size, hash).map(mutateAt(([index, h], b) => void Object.assign(b.epc as object, { index, path: [h] }))),
      hash.map(mutateAt((h, b) => void (((b.event as Record<string, unknown>).epcs as Record<string, unknown>).root = h))),
    );
    fc.assert(
      fc.property(wrong, (text) => {
        expectSound(text);
      }),
      fuzzRuns(2_000),
    );
  }, 60_000);

  it('mangled checkpoint notes and verifier keys', () => {
    const lines = BUNDLE.checkpoint.split('\n');
    const line = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom('', '\u2014 ', `\u2014 ${signer.name} `, `\u2014 ${signer.name} AAAA`, `\u2014 ${signer.name} ${'A'.repeat(5_000)}=`, '\u0000', '\r'));
    const note = fc.oneof(
      fc.tuple(fc.nat(), line).map(([at, l]) => lines.map((old, i) => (i === at % lines.length ? l : old)).join('\n')),
      fc.tuple(fc.nat(), line).map(([at, l]) => [...lines.slice(0, at % lines.length), l, ...lines.slice(at % lines.length)].join('\n')),
      fc.integer({ min: 1, max: 300 }).map((n) => BUNDLE.checkpoint + `${lines.at(-2)}\n`.repeat(n)),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    const key = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(signer.verifierKey.length - 1).map((i) => signer.verifierKey.slice(0, i)), fc.constantFrom(`${signer.verifierKey}+`, `+${signer.verifierKey}`, signer.verifierKey.replace(/\+/g, '')));
    const wrong = fc.oneof(note.map(mutateAt((n, b) => void (b.checkpoint = n))), key.map(mutateAt((k, b) => void ((b.logKey as Record<string, unknown>).verifierKey = k))));
    fc.assert(
      fc.property(wrong, (text) => {
        expectSound(text);
      }),
      fuzzRuns(2_000),
    );
  }, 60_000);
});

describe('checkStepProof (the public page) on generated bundles and shown facts', () => {
  const expected = { eventId: BUNDLE.event.eventId, namedKey: BUNDLE.epc!.key, shown: { bizStep: BUNDLE.event.bizStep, eventTime: BUNDLE.event.eventTime } };

  it('never throws, and gives a tick only to the genuine bundle showing what it proves', () => {
    const input = fc.oneof(mutatedDocument(BUNDLE), mutatedText(TEXT), fc.constant(TEXT));
    const shown = fc.oneof(fc.constant(expected.shown), fc.dictionary(fc.constantFrom('bizStep', 'eventTime', 'epcs', 'actor', '__proto__', 'x'), fc.jsonValue({ maxDepth: 2 })));
    fc.assert(
      fc.property(input, shown, fc.constantFrom(expected.namedKey, '01/09506000134352/21/OTHER'), (text, facts, namedKey) => {
        let proof: ReturnType<typeof checkStepProof> | undefined;
        expect(() => (proof = checkStepProof(text, { ...expected, namedKey, shown: facts }, signer.verifierKey))).not.toThrow();
        if (proof!.ok) expect(claimsNoMore(text) && namedKey === expected.namedKey && JSON.parse(text).epc !== null).toBe(true);
        else expect(proof!.broken.label.length).toBeGreaterThan(0);
      }),
      fuzzRuns(1_500),
    );
  }, 60_000);
});

