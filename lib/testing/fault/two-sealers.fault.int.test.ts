import { beforeAll, describe, expect, it } from 'vitest';
import { commissionBatch } from '@/lib/catalog/commission-batch';
import { getPool } from '@/lib/db';
import { createTestBatch, createTestParty, type TTestOrg } from '@/lib/events/testing/fixtures';
import { runLedgerAudit } from '@/lib/ledger';
import { allEventIds, sealedEventIds } from '@/lib/ledger/testing/ledger-rows';
import { captureOver, chunk, killHard, shipmentDocument, sleep, startRouteServer, until } from './fault-helpers';

/**
 * Two server processes on one database, each running the background
 * sealer (docs/scaling.md), while partners capture through both: the
 * sealer's advisory lock lets exactly one of them seal each period. The
 * anchors form one unbroken chain, every event is sealed in exactly one
 * period, both processes did seal, and the audit passes.
 */
let maker: TTestOrg;
let distributor: TTestOrg;
let gtin: string;
let serials: string[];

beforeAll(async () => {
  maker = await createTestParty('MANUFACTURER');
  distributor = await createTestParty('DISTRIBUTOR');
  const batch = await createTestBatch(maker);
  gtin = batch.gtin;
  await commissionBatch(maker.actor, batch.batchId, { count: 1200 });
  serials = (await getPool().query<{ serial: string }>('SELECT serial FROM packs WHERE batch_id = $1 ORDER BY serial', [batch.batchId])).rows.map((r) => r.serial);
}, 120_000);

const sealedBy = (lines: Record<string, unknown>[]) => lines.filter((l) => typeof l.sealed === 'string').map((l) => Number(/#(\d+)/.exec(l.sealed as string)![1]));

describe('two server processes sealing one database', () => {
  it('seal every period exactly once between them', async () => {
    // Periods close every second or at 100 events, so both sealers are due again and again while captures arrive.
    const env = { SEAL_INTERVAL_SECONDS: '1', SEAL_MAX_EVENTS: '100' };
    const servers = [await startRouteServer(env, ['--sealer']), await startRouteServer(env, ['--sealer'])];
    try {
      // Many small captures (each takes the one-statement write path) keep both sealers due for several seconds.
      const reserve = serials.slice(-50);
      for (const [i, group] of chunk(serials.slice(0, -50), 10).entries()) {
        const answer = await captureOver(servers[i % 2]!, maker.apiKey, shipmentDocument(maker, distributor, gtin, group));
        expect(answer?.status).toBe(202);
        await sleep(50);
      }
      await until(async () => (await sealedEventIds()).length === (await allEventIds()).length, 60_000);
      // Which instance wins a round depends on whose tick comes first, and one may win them all. Then it is
      // stalled (SIGSTOP, as a long pause would stall it) while more captures arrive: the other must take over.
      const idle = servers.findIndex((s) => sealedBy(s.child.lines).length === 0);
      const stalled = idle < 0 ? null : servers[1 - idle]!;
      stalled?.child.process.kill('SIGSTOP');
      try {
        for (const group of chunk(reserve, 10)) {
          const answer = await captureOver(servers[idle < 0 ? 0 : idle]!, maker.apiKey, shipmentDocument(maker, distributor, gtin, group));
          expect(answer?.status).toBe(202);
        }
        if (idle >= 0) await until(async () => sealedBy(servers[idle]!.child.lines).length > 0, 30_000);
      } finally {
        stalled?.child.process.kill('SIGCONT');
      }
      const events = await allEventIds();
      await until(async () => (await sealedEventIds()).length === events.length, 60_000);
      await sleep(2_500);
    } finally {
      for (const server of servers) await killHard(server);
    }

    const { rows: anchors } = await getPool().query<{ seq: number; first: string; last: string }>('SELECT seq, first_event_id::text AS first, last_event_id::text AS last FROM anchors ORDER BY seq');
    expect(anchors.map((a) => a.seq)).toEqual(anchors.map((_, i) => i));
    for (let i = 1; i < anchors.length; i++) expect(BigInt(anchors[i]!.first)).toBeGreaterThan(BigInt(anchors[i - 1]!.last));
    const sealed = await sealedEventIds();
    expect(new Set(sealed).size).toBe(sealed.length);
    expect(sealed).toEqual(await allEventIds());

    // Each period was sealed by one process, and each process sealed some.
    const [first, second] = servers.map((s) => sealedBy(s.child.lines));
    expect([...first!, ...second!].sort((a, b) => a - b)).toEqual(anchors.map((a) => a.seq));
    expect(first!.length).toBeGreaterThan(0);
    expect(second!.length).toBeGreaterThan(0);
    const audit = await runLedgerAudit({ record: false });
    expect(audit.firstFailure).toBeNull();
  }, 180_000);
});
