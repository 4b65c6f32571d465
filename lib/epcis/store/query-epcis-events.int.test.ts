import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { LEDGER_FENCE_KEY } from '@/lib/ledger/fence';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { captureEpcisDocument } from '../capture/capture-epcis-document';
import { readEventQuery } from '../query/read-event-query';
import { epcisDocument, sgtin, shippingEvent } from '../testing/epcis-documents';
import { eventQuerySql } from './event-query-sql';
import { boundedQuery } from './bounded-query';
import { queryEpcisEvents } from './query-epcis-events';

/*
 * Exact paging (docs/decisions/045): every page of one query reads the
 * snapshot the first page fixed, so events recorded while a client pages
 * through a result are neither lost nor repeated nor mixed in; and the hot
 * query (MATCH_epc) is answered from the event_epcs primary key.
 */
let n: TTestNetwork;
let next = 0;
const PACKS = 600;

beforeAll(async () => {
  n = await createTestNetwork(PACKS);
});

/** Ships `count` packs one event each, with event times spread over an hour (so new events fall between old ones). */
async function shipOneByOne(count: number, minuteOffset: number): Promise<void> {
  const events = Array.from({ length: count }, (_, i) => {
    const serial = n.serials[next++];
    if (serial === undefined) throw new Error(`the test network has only ${PACKS} packs`);
    const eventTime = new Date(Date.UTC(2026, 1, 1, 10, (i * 7 + minuteOffset) % 60, i % 60)).toISOString();
    return shippingEvent({ epcs: [sgtin(n.batch.gtin, serial)], from: n.maker.gln, to: n.dist.gln, eventTime });
  });
  await captureEpcisDocument(n.maker.actor, epcisDocument(events));
}

type TWalk = { ids: string[]; pages: number };

/** Walks every page of the query, running `between` after each page (the concurrent writer). */
async function walk(search: string, between: (page: number) => Promise<void>): Promise<TWalk> {
  const ids: string[] = [];
  let token: string | null = null;
  let pages = 0;
  do {
    const params = new URLSearchParams(search);
    if (token) params.set('nextPageToken', token);
    const page = await queryEpcisEvents(n.regulator.actor, readEventQuery(params));
    const events = (page.document.epcisBody as { queryResults: { resultsBody: { eventList: { eventID: string }[] } } }).queryResults.resultsBody.eventList;
    ids.push(...events.map((e) => e.eventID));
    token = page.nextPageToken;
    await between(pages++);
  } while (token !== null);
  return { ids, pages };
}

async function shipmentIds(): Promise<string[]> {
  const { rows } = await getPool().query<{ event_id: string }>(`SELECT event_id FROM events WHERE biz_step = 'shipping' ORDER BY id`);
  return rows.map((r) => r.event_id);
}

describe('pages of one query under concurrent capture', () => {
  it.each([
    ['in ledger order', 'EQ_bizStep=shipping&perPage=7'],
    ['by event time, ascending', 'EQ_bizStep=shipping&perPage=7&orderBy=eventTime&orderDirection=ASC'],
    ['by event time, descending', 'EQ_bizStep=shipping&perPage=7&orderBy=eventTime'],
    ['by record time', 'EQ_bizStep=shipping&perPage=7&orderBy=recordTime&orderDirection=ASC'],
  ])('%s: returns exactly the events recorded before the first page, each once', async (_name, search) => {
    await shipOneByOne(40, next);
    const before = await shipmentIds();
    // After every page, and during the next one, more shipments are captured, with event times among the old ones.
    let writing: Promise<void> = Promise.resolve();
    const result = await walk(search, async () => {
      await writing;
      writing = shipOneByOne(3, next);
    });
    await writing;
    expect(result.pages).toBeGreaterThan(5);
    expect(new Set(result.ids).size).toBe(result.ids.length);
    expect([...result.ids].sort()).toEqual([...before].sort());
    expect((await shipmentIds()).length).toBeGreaterThan(before.length);
  });

  it('fixes the snapshot only once recordings in flight have committed, so none of them is skipped', async () => {
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      // A recording transaction holds the fence from its first statement until it commits.
      await writer.query('BEGIN');
      await writer.query('SELECT pg_advisory_xact_lock_shared($1)', [LEDGER_FENCE_KEY]);
      let answered = false;
      const first = queryEpcisEvents(n.regulator.actor, readEventQuery(new URLSearchParams('perPage=1'))).then((page) => ((answered = true), page));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(answered).toBe(false);
      await writer.query('COMMIT');
      expect((await first).nextPageToken).not.toBeNull();
    } finally {
      await writer.end();
    }
  });
});

describe('limits of a query', () => {
  it('runs read-only, and stops one that takes too long with 413 epcis_query_too_complex', async () => {
    await expect(boundedQuery((db) => db.query('SELECT pg_sleep(2)'), { timeLimitMs: 100 })).rejects.toMatchObject({ code: 'epcis_query_too_complex', status: 413 });
    await expect(boundedQuery((db) => db.query(`INSERT INTO rate_limits (key, window_start, count) VALUES ('x', now(), 1)`))).rejects.toMatchObject({ code: '25006' });
  });
});

describe('the hot query', () => {
  it('finds a pack\'s events through the event_epcs primary key, not by scanning', async () => {
    await shipOneByOne(PACKS - next - 5, 0);
    const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
    await owner.connect();
    try {
      await owner.query('ANALYZE events; ANALYZE event_epcs');
      const { query } = readEventQuery(new URLSearchParams({ MATCH_epc: sgtin(n.batch.gtin, n.serials[3]!) }));
      for (const partyOrgId of [null, n.dist.id]) {
        const sql = eventQuerySql(query, { highWaterMark: '9223372036854775807', after: null, limit: 31, partyOrgId });
        const { rows } = await owner.query(`EXPLAIN (FORMAT JSON) ${sql.text}`, sql.values);
        const nodes = planNodes(rows[0]['QUERY PLAN'][0].Plan);
        expect(nodes.filter((node) => node['Index Name'] === 'event_epcs_pkey').length, JSON.stringify(nodes)).toBeGreaterThan(0);
        expect(nodes.filter((node) => node['Node Type'] === 'Seq Scan'), JSON.stringify(nodes)).toEqual([]);
      }
    } finally {
      await owner.end();
    }
  });
});

type TPlanNode = Record<string, unknown> & { Plans?: TPlanNode[] };

function planNodes(node: TPlanNode): TPlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}
