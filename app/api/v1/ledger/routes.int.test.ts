import { describe, expect, it } from 'vitest';
import { insertTestEvents } from '@/lib/ledger/testing/insert-test-events';
import { sealWaiting } from '@/lib/ledger/seal/seal-waiting';
import { anchorHashHex, openCheckpoint, parseVerifierKey, toHex, verifyConsistency, verifyConsistencyBetweenCheckpoints, type TAnchor } from '@/lib/verify';
import { GET as getAnchors } from './anchors/route';
import { GET as getCheckpoint } from './checkpoint/route';
import { GET as getConsistency } from './consistency/route';
import { GET as getKey } from './key/route';

const call = (handler: (request: Request) => Promise<Response>, path: string) => handler(new Request(`http://ledger.test/api/v1/ledger/${path}`));

async function problemOf(response: Response): Promise<[number, string, string | null]> {
  return [response.status, ((await response.json()) as { code: string }).code, response.headers.get('content-type')];
}

type TKey = { name: string; verifierKey: string; keyId: string; publicKey: string; algorithm: string };
type TAnchorPage = { items: TAnchor[]; nextBefore?: number | null; nextAfter?: number | null };

const SEALS = 12;
const notes: string[] = [];

describe('the public ledger routes', () => {
  it('before anything is sealed: no checkpoint or consistency proof (404), no anchors, but the key', async () => {
    expect(await problemOf(await call(getCheckpoint, 'checkpoint'))).toEqual([404, 'ledger_nothing_sealed', 'application/problem+json']);
    expect(await problemOf(await call(getConsistency, 'consistency?from=1&to=1'))).toEqual([404, 'ledger_nothing_sealed', 'application/problem+json']);
    const page = (await (await call(getAnchors, 'anchors')).json()) as TAnchorPage;
    expect(page).toEqual({ items: [], nextBefore: null });
  });

  it('GET /key publishes the key as a C2SP verifier key, with its key ID and raw public key', async () => {
    const response = await call(getKey, 'key');
    expect(response.status).toBe(200);
    const key = (await response.json()) as TKey;
    const parsed = parseVerifierKey(key.verifierKey);
    expect(key).toEqual({ name: parsed.name, verifierKey: key.verifierKey, keyId: parsed.keyId.toString(16).padStart(8, '0'), publicKey: toHex(parsed.publicKey), algorithm: 'Ed25519' });
  });

  it('GET /checkpoint gives the latest signed note as text after every seal', async () => {
    const key = ((await (await call(getKey, 'key')).json()) as TKey).verifierKey;
    for (let seal = 1; seal <= SEALS; seal++) {
      await insertTestEvents(seal % 3 === 0 ? 3 : 1);
      await sealWaiting();
      const response = await call(getCheckpoint, 'checkpoint');
      expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/plain; charset=utf-8']);
      const note = await response.text();
      expect(openCheckpoint(note, key).treeSize).toBe(seal);
      notes.push(note);
    }
  });

  it('GET /consistency proves every checkpoint consistent with every later one', async () => {
    const key = ((await (await call(getKey, 'key')).json()) as TKey).verifierKey;
    for (let from = 1; from <= SEALS; from++) {
      for (let to = from; to <= SEALS; to++) {
        const response = await call(getConsistency, `consistency?from=${from}&to=${to}`);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { from: number; to: number; proof: string[] };
        expect([body.from, body.to]).toEqual([from, to]);
        const verdict = verifyConsistencyBetweenCheckpoints(notes[from - 1]!, notes[to - 1]!, body.proof, key);
        expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
      }
    }
    // A proof for other sizes than asked does not pass: it is about these two tree heads.
    const wrong = (await (await call(getConsistency, 'consistency?from=3&to=9')).json()) as { proof: string[] };
    expect(() => verifyConsistency(4, 9, wrong.proof.map((h) => Uint8Array.from(Buffer.from(h, 'hex'))), openCheckpoint(notes[3]!, key).rootHash, openCheckpoint(notes[8]!, key).rootHash)).toThrow();
  });

  it.each([
    ['from=0&to=3', 'validation_failed'],
    ['from=3', 'validation_failed'],
    ['from=a&to=3', 'validation_failed'],
    ['from=3&to=2', 'ledger_size_out_of_range'],
    [`from=1&to=${SEALS + 1}`, 'ledger_size_out_of_range'],
    ['from=1&to=2&extra=1', 'validation_failed'],
  ])('GET /consistency?%s is refused with %s (422)', async (query, code) => {
    expect(await problemOf(await call(getConsistency, `consistency?${query}`))).toEqual([422, code, 'application/problem+json']);
  });

  it('GET /anchors pages through the chain newest first, or forwards from a seq, in the bundle form', async () => {
    const first = (await (await call(getAnchors, 'anchors?limit=5')).json()) as TAnchorPage;
    expect(first.items.map((a) => a.seq)).toEqual([11, 10, 9, 8, 7]);
    expect(first.nextBefore).toBe(7);
    const second = (await (await call(getAnchors, `anchors?limit=5&before=${first.nextBefore}`)).json()) as TAnchorPage;
    expect(second.items.map((a) => a.seq)).toEqual([6, 5, 4, 3, 2]);
    const last = (await (await call(getAnchors, 'anchors?limit=5&before=2')).json()) as TAnchorPage;
    expect([last.items.map((a) => a.seq), last.nextBefore]).toEqual([[1, 0], null]);
    const forward = (await (await call(getAnchors, 'anchors?after=8')).json()) as TAnchorPage;
    expect([forward.items.map((a) => a.seq), forward.nextAfter]).toEqual([[9, 10, 11], null]);
    const all = (await (await call(getAnchors, 'anchors')).json()) as TAnchorPage;
    for (const anchor of all.items) {
      expect(Object.keys(anchor).sort()).toEqual(['firstEventId', 'hash', 'lastEventId', 'periodEnd', 'periodStart', 'prevHash', 'root', 'seq', 'treeSize']);
      expect(anchorHashHex(anchor)).toBe(anchor.hash);
    }
  });

  it.each(['limit=0', 'limit=1001', 'before=-1', 'before=1&after=2', 'cursor=3'])('GET /anchors?%s is refused with 422', async (query) => {
    expect(await problemOf(await call(getAnchors, `anchors?${query}`))).toEqual([422, 'validation_failed', 'application/problem+json']);
  });
});
