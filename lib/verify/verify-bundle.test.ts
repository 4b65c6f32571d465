import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { buildBundleFixture } from '@/lib/ledger/merkle/testing/proof-bundle-fixture';
import type { TProofBundle } from './bundle-types';
import { formatVerifierKey } from './note-key';
import { verifyBundle } from './verify-bundle';

const { bundle: BUNDLE, signer } = buildBundleFixture({ periodSize: 3000, leafIndex: 2050, anchorCount: 13, anchorSeq: 6, epcCount: 5 });
const TRUSTED = { trustedVerifierKey: signer.verifierKey };
const ALL_IDS = ['format', 'event-leaf', 'epc-inclusion', 'period-inclusion', 'anchor-hash', 'anchor-log-inclusion', 'checkpoint-root', 'checkpoint-signature', 'key-trust'];

const copy = (): TProofBundle => structuredClone(BUNDLE);
const failed = (result: ReturnType<typeof verifyBundle>): string[] => result.checks.filter((c) => !c.ok).map((c) => c.id);
const flipChar = (text: string, i: number): string => text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1);

/** Every string and number in the bundle, as a path and a setter on a fresh copy. */
function scalarPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string' || typeof value === 'number') return [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => scalarPaths(v, [...path, Array.isArray(value) ? Number(k) : k]));
  return [];
}

function withChange(path: (string | number)[], change: (old: unknown) => unknown): TProofBundle {
  const bundle = copy() as unknown as Record<string | number, unknown>;
  let parent = bundle;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  parent[last] = change(parent[last]);
  return bundle as unknown as TProofBundle;
}

describe('verifyBundle on a genuine bundle', () => {
  it('passes every check, in order, with plain-English labels', () => {
    const result = verifyBundle(BUNDLE, TRUSTED);
    expect(result.checks.map((c) => c.id)).toEqual(ALL_IDS);
    expect(failed(result)).toEqual([]);
    expect(result.ok).toBe(true);
    const labels = Object.fromEntries(result.checks.map((c) => [c.id, c.label]));
    expect(labels['period-inclusion']).toBe('Included in period #6 (3,000 events)');
    expect(labels['epc-inclusion']).toBe('01/09506000134352/21/SN000000 is one of the 5 identifiers this event names');
    expect(labels['anchor-log-inclusion']).toBe('Period #6 is entry 6 of the anchor log (13 sealed periods)');
  });

  it('accepts the bundle as JSON text, and an event-level bundle without an epc', () => {
    expect(verifyBundle(JSON.stringify(BUNDLE), TRUSTED).ok).toBe(true);
    const eventLevel = buildBundleFixture({ periodSize: 1, leafIndex: 0, anchorCount: 1, anchorSeq: 0, epcCount: 0 }).bundle;
    expect(eventLevel.epc).toBeNull();
    expect(verifyBundle(eventLevel, TRUSTED).ok).toBe(true);
  });

  it('is not ok without a trusted key, and says the key was not compared', () => {
    const result = verifyBundle(BUNDLE);
    expect(result.ok).toBe(false);
    expect(failed(result)).toEqual(['key-trust']);
  });

  it('fails key-trust alone for a bundle signed by another key than the trusted one', () => {
    const other = formatVerifierKey('pharmatrace.example/ledger', ed25519.getPublicKey(new Uint8Array(32).fill(1)));
    const result = verifyBundle(BUNDLE, { trustedVerifierKey: other });
    expect(failed(result)).toEqual(['key-trust']);
    expect(result.checks.at(-1)).toMatchObject({ expected: other, computed: signer.verifierKey });
    expect(failed(verifyBundle(BUNDLE, { trustedVerifierKey: 'not a key' }))).toEqual(['key-trust']);
  });
});

describe('verifyBundle on a changed bundle', () => {
  // "Flip a byte in each field": every character of every string and every
  // number, anywhere in the bundle, changed one at a time.
  it('fails when any single character or number anywhere in the bundle changes', () => {
    let mutations = 0;
    for (const path of scalarPaths(BUNDLE)) {
      const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], BUNDLE);
      const variants: TProofBundle[] =
        typeof original === 'number'
          ? [withChange(path, (n) => (n as number) + 1), withChange(path, (n) => (n as number) - 1)]
          : Array.from({ length: (original as string).length }, (_, i) => withChange(path, (s) => flipChar(s as string, i)));
      for (const variant of variants) {
        expect(verifyBundle(variant, TRUSTED).ok, path.join('.')).toBe(false);
        mutations++;
      }
    }
    expect(mutations).toBeGreaterThan(2000);
  });

  it('names the link that broke', () => {
    const cases: [string, (b: TProofBundle) => void, string[]][] = [
      ['an event field', (b) => void (b.event.disposition = 'active'), ['period-inclusion']],
      ['the pack key', (b) => void (b.epc!.key = '01/09506000134352/21/FAKE'), ['epc-inclusion']],
      ['the epc path', (b) => void (b.epc!.path[0] = flipChar(b.epc!.path[0]!, 0)), ['epc-inclusion']],
      ['the period path', (b) => void (b.period.path[3] = flipChar(b.period.path[3]!, 10)), ['period-inclusion']],
      ['the leaf index', (b) => void (b.period.leafIndex += 1), ['period-inclusion']],
      ['the anchor root', (b) => void (b.anchor.root = flipChar(b.anchor.root, 5)), ['period-inclusion', 'anchor-hash']],
      ['the anchor period end', (b) => void (b.anchor.periodEnd = '2026-03-02T09:07:00.000Z'), ['anchor-hash']],
      ['the anchor hash', (b) => void (b.anchor.hash = flipChar(b.anchor.hash, 0)), ['anchor-hash', 'anchor-log-inclusion']],
      ['the anchor-log path', (b) => void (b.anchorLog.path[1] = flipChar(b.anchorLog.path[1]!, 63)), ['anchor-log-inclusion']],
      ['the anchor-log index', (b) => void (b.anchorLog.index = 5), ['anchor-log-inclusion']],
      // Leaf 6 has a path of the same shape in trees of 13 and 14 leaves, so
      // only the size comparison with the signed checkpoint catches this.
      ['the anchor-log size', (b) => void (b.anchorLog.treeSize = 14), ['checkpoint-root']],
      ['the anchor-log size and path', (b) => void ((b.anchorLog.treeSize = 16), b.anchorLog.path.push('00'.repeat(32))), ['anchor-log-inclusion', 'checkpoint-root']],
      ['the checkpoint signature', (b) => void (b.checkpoint = b.checkpoint.replace(/[A-Za-z](=?\n)$/, (m, end: string) => `${m[0] === 'A' ? 'B' : 'A'}${end}`)), ['checkpoint-signature']],
      ['the log public key', (b) => void (b.logKey.publicKey = flipChar(b.logKey.publicKey, 0)), ['checkpoint-signature', 'key-trust']],
    ];
    for (const [what, change, expected] of cases) {
      const bundle = copy();
      change(bundle);
      expect(failed(verifyBundle(bundle, TRUSTED)), what).toEqual(expected);
    }
  });

  it('fails the inclusion checks, without throwing, for indices outside the tree', () => {
    const bundle = copy();
    bundle.period.leafIndex = bundle.period.treeSize;
    bundle.anchorLog.index = bundle.anchorLog.treeSize;
    bundle.anchor.seq = bundle.anchorLog.treeSize;
    expect(failed(verifyBundle(bundle, TRUSTED))).toEqual(['period-inclusion', 'anchor-hash', 'anchor-log-inclusion']);
  });

  it('fails when a path has an extra, a missing or a repeated hash', () => {
    for (const key of ['period', 'anchorLog'] as const) {
      const changes: ((p: string[]) => void)[] = [(p) => void p.push('00'.repeat(32)), (p) => void p.pop(), (p) => void p.push(p.at(-1)!), (p) => void p.shift()];
      for (const change of changes) {
        const bundle = copy();
        change(bundle[key].path);
        expect(verifyBundle(bundle, TRUSTED).ok).toBe(false);
      }
    }
  });

  it('fails when the checkpoint gains trailing garbage or loses its blank line', () => {
    for (const checkpoint of [`${BUNDLE.checkpoint}x\n`, `${BUNDLE.checkpoint}\n`, BUNDLE.checkpoint.replace('\n\n', '\n')]) {
      expect(failed(verifyBundle({ ...copy(), checkpoint }, TRUSTED))).toEqual(['anchor-log-inclusion', 'checkpoint-root', 'checkpoint-signature']);
    }
  });

  it('still passes when the checkpoint carries an extra signature by an unknown key (a witness)', () => {
    const line = `— witness.example ${BUNDLE.checkpoint.split(' ').at(-1)!}`;
    expect(verifyBundle({ ...copy(), checkpoint: `${BUNDLE.checkpoint}${line}` }, TRUSTED).ok).toBe(true);
  });
});

describe('verifyBundle on malformed input', () => {
  const formatOnly = (input: unknown): void => {
    const result = verifyBundle(input, TRUSTED);
    expect(result.ok).toBe(false);
    expect(result.checks).toHaveLength(1);
    expect(result.checks[0]).toMatchObject({ id: 'format', ok: false });
    expect(result.checks[0]!.detail).toBeTypeOf('string');
  };

  it.each<[string, (b: Record<string, unknown>) => unknown]>([
    ['a missing member', (b) => void delete b.anchorLog],
    ['an unknown member', (b) => void (b.extra = 1)],
    ['version 2', (b) => void (b.version = 2)],
    ['an uppercase hash', (b) => void ((b.anchor as Record<string, string>).root = BUNDLE.anchor.root.toUpperCase())],
    ['a path of 65 hashes', (b) => void ((b.period as { path: string[] }).path = Array(65).fill('00'.repeat(32)))],
    ['a string tree size', (b) => void ((b.period as Record<string, unknown>).treeSize = '3000')],
    ['an event without epcs', (b) => void delete (b.event as Record<string, unknown>).epcs],
    ['an epc with a path that is not an array', (b) => void ((b.epc as Record<string, unknown>).path = 'x')],
    ['a checkpoint that is not a string', (b) => void (b.checkpoint = 1)],
    ['an anchor time with an offset', (b) => void ((b.anchor as Record<string, string>).periodStart = '2026-03-02T10:06:00.000+01:00')],
  ])('reports a single format failure for %s', (_, change) => {
    const bundle = copy() as unknown as Record<string, unknown>;
    change(bundle);
    formatOnly(bundle);
  });

  it.each([null, 42, 'not json', '{"version":1} trailing', [], {}, undefined])('reports a single format failure for %j', (input) => {
    formatOnly(input);
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }), (input) => {
        expect(verifyBundle(input, TRUSTED).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when members of a genuine bundle are replaced by arbitrary JSON (property)', () => {
    const paths = scalarPaths(BUNDLE);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), fc.jsonValue(), (i, value) => {
        const result = verifyBundle(withChange(paths[i]!, () => value), TRUSTED);
        expect(result.checks.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('survives hostile objects whose getters throw', () => {
    const hostile = Object.defineProperty(copy(), 'anchor', { get: () => { throw new Error('boom'); }, enumerable: true });
    formatOnly(hostile);
  });
});
