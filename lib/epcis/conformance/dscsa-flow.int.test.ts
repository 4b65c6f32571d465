import { beforeAll, describe, expect, it } from 'vitest';
import { POST as capture } from '@/app/epcis/capture/route';
import { POST as scans } from '@/app/api/v1/scans/route';
import { getPool } from '@/lib/db';
import { allocateSscc, epcsSummary } from '@/lib/events';
import { createTestBatch, createTestParty, packCode, type TTestOrg } from '@/lib/events/testing/fixtures';
import { captureRequest, commissioningEvent, dispensingEvent, epcisDocument, packingEvent, receivingEvent, sgtin, shippingEvent, ssccUrn } from '../testing/epcis-documents';

/*
 * The custody rules apply to EPCIS capture exactly as to the scan API. The
 * same DSCSA-style flow (commission -> pack -> ship -> receive -> ship on ->
 * receive -> dispense) runs twice, in two separate networks: once as EPCIS
 * documents through POST /epcis/capture, once through POST /api/v1/scans.
 * Both must leave the same packs, cases, custody and statuses, the same
 * identifier rows, and the same public records apart from IDs, times and
 * digests, once each network's own identifiers (GTIN, SSCC, GLNs, names)
 * are mapped onto the other's.
 */
type TWorld = { maker: TTestOrg; dist: TTestOrg; pharmacy: TTestOrg; gtin: string; lot: string; expiry: string; sscc: string };

const SERIALS = ['DSCSA0001', 'DSCSA0002', 'DSCSA0003'];
const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 9, minute)).toISOString();

let epcisWorld: TWorld;
let scanWorld: TWorld;

async function world(): Promise<TWorld> {
  const [maker, dist, pharmacy] = await Promise.all((['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY'] as const).map((role) => createTestParty(role)));
  const batch = await createTestBatch(maker!, { lot: 'DSCSA-LOT', expiry: '2029-06-30' });
  const { sscc } = await allocateSscc(maker!.actor);
  return { maker: maker!, dist: dist!, pharmacy: pharmacy!, gtin: batch.gtin, lot: batch.lot, expiry: batch.expiry, sscc };
}

async function runThroughEpcis(w: TWorld): Promise<void> {
  const pack = (i: number) => sgtin(w.gtin, SERIALS[i]!);
  const box = ssccUrn(w.sscc);
  const steps: [TTestOrg, Record<string, unknown>[]][] = [
    [w.maker, [
      commissioningEvent({ epcs: SERIALS.map((_, i) => pack(i)), lot: w.lot, expiry: w.expiry, gln: w.maker.gln, eventTime: at(0) }),
      packingEvent({ parent: box, children: [pack(0), pack(1)], gln: w.maker.gln, eventTime: at(1) }),
      shippingEvent({ epcs: [box, pack(2)], from: w.maker.gln, to: w.dist.gln, eventTime: at(2) }),
    ]],
    [w.dist, [receivingEvent({ epcs: [box, pack(2)], from: w.maker.gln, to: w.dist.gln, eventTime: at(10) }), shippingEvent({ epcs: [box, pack(2)], from: w.dist.gln, to: w.pharmacy.gln, eventTime: at(20) })]],
    [w.pharmacy, [receivingEvent({ epcs: [box, pack(2)], from: w.dist.gln, to: w.pharmacy.gln, eventTime: at(30) }), dispensingEvent({ epcs: [pack(0), pack(2)], gln: w.pharmacy.gln, eventTime: at(40) })]],
  ];
  for (const [org, events] of steps) {
    const response = await capture(captureRequest(org.apiKey, epcisDocument(events)));
    expect(response.status, await response.clone().text()).toBe(202);
  }
}

async function runThroughScans(w: TWorld): Promise<void> {
  const code = (i: number) => packCode({ gtin: w.gtin, lot: w.lot, expiry: w.expiry }, SERIALS[i]!);
  const box = `(00)${w.sscc}`;
  const steps: [TTestOrg, Record<string, unknown>[]][] = [
    [w.maker, [
      { kind: 'commission', codes: SERIALS.map((_, i) => code(i)), eventTime: at(0) },
      { kind: 'pack', parent: box, codes: [code(0), code(1)], eventTime: at(1) },
      { kind: 'ship', codes: [box, code(2)], to: w.dist.gln, eventTime: at(2) },
    ]],
    [w.dist, [{ kind: 'receive', codes: [box, code(2)], from: w.maker.gln, eventTime: at(10) }, { kind: 'ship', codes: [box, code(2)], to: w.pharmacy.gln, eventTime: at(20) }]],
    [w.pharmacy, [{ kind: 'receive', codes: [box, code(2)], from: w.dist.gln, eventTime: at(30) }, { kind: 'dispense', codes: [code(0), code(2)], eventTime: at(40) }]],
  ];
  for (const [org, events] of steps) {
    const request = new Request('http://pharmatrace.test/api/v1/scans', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: events.map((e) => ({ eventTimeZoneOffset: '+00:00', ...e })) }),
    });
    const response = await scans(request);
    expect(response.status, await response.clone().text()).toBe(201);
  }
}

beforeAll(async () => {
  [epcisWorld, scanWorld] = [await world(), await world()];
  await runThroughEpcis(epcisWorld);
  await runThroughScans(scanWorld);
});

/** Each world's identifiers as placeholders, so the two can be compared. */
function neutral(w: TWorld, text: string): string {
  const names: [string, string][] = [
    [w.gtin, '<gtin>'],
    [w.sscc, '<sscc>'],
    [w.maker.gln, '<maker gln>'],
    [w.dist.gln, '<distributor gln>'],
    [w.pharmacy.gln, '<pharmacy gln>'],
    [w.maker.name, '<maker name>'],
    [w.maker.id, '<maker>'],
    [w.dist.id, '<distributor>'],
    [w.pharmacy.id, '<pharmacy>'],
  ];
  return names.reduce((result, [from, to]) => result.split(from).join(to), text);
}

async function state(w: TWorld): Promise<unknown> {
  const packs = await getPool().query(
    `SELECT p.serial, p.status, p.custodian_org_id, p.in_transit_to_id, p.container_sscc, p.dispensed_by_id, b.lot, b.expiry::text
       FROM packs p JOIN batches b ON b.id = p.batch_id WHERE p.gtin = $1 ORDER BY p.serial`,
    [w.gtin],
  );
  const cases = await getPool().query('SELECT sscc, owner_org_id, custodian_org_id, in_transit_to_id, parent_sscc, status FROM containers WHERE sscc = $1', [w.sscc]);
  return JSON.parse(neutral(w, JSON.stringify({ packs: packs.rows, cases: cases.rows })));
}

type TRecorded = { publicRecord: Record<string, unknown>; keys: { epc: string; role: string }[]; parties: string[] };

async function recorded(w: TWorld): Promise<TRecorded[]> {
  const { rows } = await getPool().query<{ id: string; public_record: string; party_ids: string[] }>(
    'SELECT e.id::text, e.public_record, e.party_ids FROM events e WHERE e.org_id = ANY($1::uuid[]) ORDER BY e.id',
    [[w.maker.id, w.dist.id, w.pharmacy.id]],
  );
  const epcs = await getPool().query<{ event_id: string; epc: string; role: string }>('SELECT event_id::text, epc, role FROM event_epcs WHERE event_id = ANY($1::bigint[]) ORDER BY epc, role', [rows.map((r) => r.id)]);
  return rows.map((row) => ({
    publicRecord: JSON.parse(row.public_record),
    keys: epcs.rows.filter((e) => e.event_id === row.id).map(({ epc, role }) => ({ epc, role })),
    parties: row.party_ids,
  }));
}

describe('a DSCSA-style flow captured as EPCIS documents and recorded through the scan API', () => {
  it('leaves the same packs, cases, custody and statuses', async () => {
    const epcisState = await state(epcisWorld);
    expect(epcisState).toEqual(await state(scanWorld));
    // And the flow did what it should: two packs dispensed by the pharmacy, the third in the case it holds.
    expect(epcisState).toMatchObject({
      packs: [
        { serial: SERIALS[0], status: 'DISPENSED', custodian_org_id: null, dispensed_by_id: '<pharmacy>' },
        { serial: SERIALS[1], status: 'ACTIVE', custodian_org_id: '<pharmacy>', container_sscc: '<sscc>' },
        { serial: SERIALS[2], status: 'DISPENSED', custodian_org_id: null, dispensed_by_id: '<pharmacy>' },
      ],
      cases: [{ custodian_org_id: '<pharmacy>', in_transit_to_id: null, status: 'ACTIVE' }],
    });
  });

  it('records the same public records (but for IDs, times and digests), identifier rows and parties', async () => {
    const [byEpcis, byScans] = [await recorded(epcisWorld), await recorded(scanWorld)];
    expect(byEpcis).toHaveLength(7);
    const comparable = (w: TWorld, r: TRecorded) => {
      const { eventId: _id, eventTime: _t, recordTime: _r, privateDigest: _d, epcs, ...rest } = r.publicRecord as Record<string, unknown> & { epcs: { count: number; root: string } };
      // The root is over each world's own keys: recompute it from the identifier rows, then compare those rows.
      expect(epcs).toEqual(epcsSummary(r.keys.map((k) => k.epc)));
      return JSON.parse(neutral(w, JSON.stringify({ ...rest, epcCount: epcs.count, keys: r.keys, parties: [...r.parties].sort() })));
    };
    const parties = (w: TWorld) => (r: TRecorded) => ({ ...r, parties: r.parties.map((id) => neutral(w, id)) });
    expect(byEpcis.map(parties(epcisWorld)).map((r) => comparable(epcisWorld, r))).toEqual(byScans.map(parties(scanWorld)).map((r) => comparable(scanWorld, r)));
  });
});
