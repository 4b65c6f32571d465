import { describe, expect, it } from 'vitest';
import { toBracketed } from '@/lib/gs1';
import { allEventIds, eventIdOfRow, latestSealedAt, tamper } from '@/lib/ledger/testing/ledger-rows';
import { bulkInsertEvents } from '@/lib/ledger/testing/bulk-insert-events';
import { insertTestEvents, ledgerTestOrgId, type TTestEvent } from '@/lib/ledger/testing/insert-test-events';
import { sealPeriod } from '@/lib/ledger/seal/seal-period';
import { sealWaiting } from '@/lib/ledger/seal/seal-waiting';
import { verifyBundle, type TProofBundle } from '@/lib/verify';
import { GET as getKey } from '../../ledger/key/route';
import { GET } from './route';

/** Calls the route as Next.js would: the path segment as the router hands it over, and the query string. */
async function proof(eventId: string, query = ''): Promise<Response> {
  const url = `http://verify.test/api/v1/proofs/${encodeURIComponent(eventId)}${query}`;
  return GET(new Request(url), { params: Promise.resolve({ eventId }) });
}

async function publishedKey(): Promise<string> {
  return ((await (await getKey(new Request('http://verify.test/api/v1/ledger/key'))).json()) as { verifierKey: string }).verifierKey;
}

async function expectVerifiedBundle(response: Response, key: string): Promise<TProofBundle> {
  expect(response.status).toBe(200);
  const bundle = (await response.json()) as TProofBundle;
  const verdict = verifyBundle(bundle, { trustedVerifierKey: key });
  expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
  expect(verdict.ok).toBe(true);
  return bundle;
}

async function problemOf(response: Response): Promise<{ status: number; code: string; type: string | null }> {
  const body = (await response.json()) as { code: string };
  return { status: response.status, code: body.code, type: response.headers.get('content-type') };
}

describe('GET /api/v1/proofs/{eventId}', () => {
  it('finds each event in its own period when periods start at ids of different digit counts', async () => {
    const events = await insertTestEvents(12);
    for (const size of [3, 6, 3]) expect((await sealPeriod({ maxEvents: size })).status).toBe('sealed');
    const key = await publishedKey();
    for (const [index, period] of [
      [0, 0],
      [4, 1],
      [8, 1],
      [9, 2],
      [11, 2],
    ] as const) {
      const bundle = await expectVerifiedBundle(await proof(events[index]!.eventId), key);
      expect(bundle.anchor.seq).toBe(period);
    }
  });

  it('gives bundles that verify for events at the chunk edges and in the last, partial chunk, by hash ID or bare digest', async () => {
    await bulkInsertEvents(await ledgerTestOrgId(), 2_600);
    await insertTestEvents(1);
    const [sealed] = await sealWaiting({ maxEvents: 10_000 });
    expect(sealed!.anchor.treeSize).toBe(2_601);
    const ids = (await allEventIds()).filter((id) => id >= sealed!.anchor.firstEventId);
    const key = await publishedKey();
    for (const leafIndex of [0, 1, 1023, 1024, 2047, 2048, 2599, 2600]) {
      const eventId = await eventIdOfRow(ids[leafIndex]!);
      const digest = /;([0-9a-f]{64})\?/.exec(eventId)![1]!;
      for (const asked of [eventId, digest]) {
        const bundle = await expectVerifiedBundle(await proof(asked), key);
        expect([bundle.period.leafIndex, bundle.period.treeSize, bundle.event.eventId]).toEqual([leafIndex, 2_601, eventId]);
      }
    }
  });

  it('keeps proving earlier events as the log grows, against the newest checkpoint', async () => {
    const [early] = await insertTestEvents(1);
    await sealWaiting();
    await insertTestEvents(2);
    await sealWaiting();
    const bundle = await expectVerifiedBundle(await proof(early!.eventId), await publishedKey());
    expect(bundle.anchorLog.treeSize).toBe(bundle.anchor.seq + 2);
  });

  describe('with ?epc=', () => {
    let event: TTestEvent;
    const packs = ['01/09506000134352/21/PACKA1', '01/09506000134352/21/PACKB2', '01/09506000134352/21/PACKC3'];

    it('proves that a 3-pack event names the pack, whatever form its code is given in', async () => {
      event = (await insertTestEvents([{ epcs: packs }]))[0]!;
      await sealWaiting();
      const key = await publishedKey();
      const forms = [packs[1]!, toBracketed({ gtin: '09506000134352', serial: 'PACKB2', lot: 'L1', expiry: '2030-12-31' }), 'urn:epc:id:sgtin:9506000.013435.PACKB2'];
      for (const code of forms) {
        const bundle = await expectVerifiedBundle(await proof(event.eventId, `?epc=${encodeURIComponent(code)}`), key);
        expect(bundle.epc).toMatchObject({ key: packs[1], index: 1 });
        expect(bundle.event.epcs).toMatchObject({ count: 3 });
      }
    });

    it('answers 404 ledger_epc_not_in_event for a pack the event does not name', async () => {
      const other = '(01)09506000134352(21)PACKZ9';
      expect(await problemOf(await proof(event.eventId, `?epc=${encodeURIComponent(other)}`))).toEqual({ status: 404, code: 'ledger_epc_not_in_event', type: 'application/problem+json' });
    });

    it('answers 422 with the gs1 reason for a code that cannot be read', async () => {
      const problem = await problemOf(await proof(event.eventId, `?epc=${encodeURIComponent('(01)09506000134353(21)PACKA1')}`));
      expect(problem.status).toBe(422);
      expect(problem.code).toMatch(/^gs1_/);
    });
  });

  it('answers 202 with the pending state and the expected seal time before the period is sealed, then the bundle', async () => {
    const [event] = await insertTestEvents(1);
    const response = await proof(event!.eventId);
    expect(response.status).toBe(202);
    const pending = (await response.json()) as { status: string; eventId: string; recordedAt: string; expectedSealBy: string };
    expect(pending).toMatchObject({ status: 'pending', eventId: event!.eventId, recordedAt: event!.recordTime.toISOString() });
    // The default SEAL_INTERVAL_SECONDS is 60: due a minute after the last seal, plus the sealer's slack.
    const expected = Date.parse(pending.expectedSealBy) - (await latestSealedAt())!.getTime();
    expect(expected).toBeGreaterThanOrEqual(60_000);
    expect(expected).toBeLessThanOrEqual(63_000);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    await sealWaiting();
    await expectVerifiedBundle(await proof(event!.eventId), await publishedKey());
  });

  it.each([
    ['an unknown event', `ni:///sha-256;${'ab'.repeat(32)}?ver=CBV2.0`, '', 404, 'ledger_event_not_found'],
    ['a malformed event ID', 'not-an-event-id', '', 400, 'ledger_event_id_invalid'],
    ['an unknown query parameter', 'ab'.repeat(32), '?pack=1', 422, 'validation_failed'],
  ])('answers %s with a problem', async (_, eventId, query, status, code) => {
    expect(await problemOf(await proof(eventId, query))).toEqual({ status, code, type: 'application/problem+json' });
  });

  it('refuses to build a proof from a chunk that no longer hashes to its stored root', async () => {
    const [event] = await insertTestEvents(1);
    const [sealed] = await sealWaiting();
    await tamper('ledger_chunks', `UPDATE ledger_chunks SET leaf_hashes = set_byte(leaf_hashes, 0, get_byte(leaf_hashes, 0) # 1) WHERE anchor_seq = $1`, [sealed!.anchor.seq]);
    expect(await problemOf(await proof(event!.eventId))).toEqual({ status: 500, code: 'ledger_chunk_mismatch', type: 'application/problem+json' });
  });
});
