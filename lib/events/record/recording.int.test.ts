import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { parseEpcisEvent } from '@/lib/epcis';
import { LEDGER_FENCE_KEY } from '@/lib/ledger/fence';
import { buildEpcTree } from '@/lib/ledger/merkle';
import { canonicalJson } from '@/lib/verify';
import { privateDigestOf } from '../build/ledger-records';
import { recordScans } from '../record-scans';
import { scanToEvents } from '../scan/scan-to-events';
import { ZScanRequest } from '../schemas';
import { scan } from '../testing/fixtures';
import { alertsFor, createTestNetwork, snapshot, type TTestNetwork } from '../testing/network';
import { recordCaptureEvents, recordEvents } from './record-events';

/*
 * What every recorded event must be, whatever its door: all or nothing per
 * request, stored once however often it is sent, and stored with exactly
 * the records the ledger seals (docs/decisions/052, 053).
 */
let n: TTestNetwork;
let next = 0;
const fresh = () => next++;
const dl = (i: number) => `https://id.gs1.org/01/${n.batch.gtin}/21/${n.serials[i]}`;

beforeAll(async () => {
  n = await createTestNetwork(40);
});

describe('a request is one transaction', () => {
  it('records nothing, and changes no pack, when any of its events is refused', async () => {
    const [a, b] = [fresh(), fresh()];
    const before = await snapshot();
    const refused = scan(n.maker, { kind: 'ship', codes: [n.code(a)], to: n.dist.gln }, { kind: 'ship', codes: [n.code(b)], to: n.maker.gln }, { kind: 'receive', codes: [n.code(a)] });
    // Every refusal is listed: event 2 would receive a pack shipped to someone else.
    await expect(refused).rejects.toMatchObject({
      code: 'destination_is_self',
      errors: [expect.objectContaining({ index: 1, code: 'destination_is_self', pointer: '/events/1' }), expect.objectContaining({ index: 2, code: 'not_destination' })],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('applies its events in order: commission, pack and ship in one request', async () => {
    const serial = `SEQ${Date.now()}`;
    const code = `(01)${n.batch.gtin}(17)${n.batch.expiry.slice(2).replaceAll('-', '')}(10)${n.batch.lot}(21)${serial}`;
    const sscc = (await import('../allocate-sscc')).allocateSscc;
    const { sscc: box } = await sscc(n.maker.actor);
    const result = await scan(n.maker, { kind: 'commission', codes: [code] }, { kind: 'pack', parent: `(00)${box}`, codes: [code] }, { kind: 'ship', codes: [`(00)${box}`], to: n.dist.gln });
    expect(result.events.map((e) => e.kind)).toEqual(['commission', 'pack', 'ship']);
    const ids = result.events.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => (x < y ? -1 : 1)));
  });
});

describe('the same event sent twice is stored once', () => {
  it('answers a retried scan as the first time, without changing anything again', async () => {
    const i = fresh();
    const event = { kind: 'ship' as const, codes: [n.code(i)], to: n.dist.gln, eventTime: '2026-11-20T09:30:00.000+01:00' };
    const first = await scan(n.maker, event);
    const before = await snapshot();
    const again = await scan(n.maker, event);
    expect(again.events[0]).toEqual({ ...first.events[0], duplicate: true });
    expect(again).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('recognises the same event spelled differently (URN, Digital Link, element string)', async () => {
    const i = fresh();
    const first = await scan(n.maker, { kind: 'ship', codes: [dl(i)], to: n.dist.gln, eventTime: '2026-11-20T11:00:00+01:00' });
    const urn = `urn:epc:id:sgtin:${n.maker.prefix}.0${n.batch.gtin.slice(8, 13)}.${n.serials[i]}`;
    const again = await scan(n.maker, { kind: 'ship', codes: [urn], to: n.dist.gln, eventTime: '2026-11-20T10:00:00.000Z', eventTimeZoneOffset: '+01:00' });
    const third = await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln, eventTime: '2026-11-20T10:00:00.000Z', eventTimeZoneOffset: '+01:00' });
    expect(again.events[0]).toMatchObject({ eventId: first.events[0]!.eventId, duplicate: true });
    expect(third.events[0]).toMatchObject({ eventId: first.events[0]!.eventId, duplicate: true });
  });

  it('stores one event when two identical requests race', async () => {
    const i = fresh();
    const request = ZScanRequest.parse({ events: [{ kind: 'ship', codes: [n.code(i)], to: n.dist.gln, eventTime: '2026-11-20T12:00:00Z' }] });
    const answers = await Promise.all([recordScans(n.maker.actor, request), recordScans(n.maker.actor, request), recordScans(n.maker.actor, request)]);
    const bodies = answers.map((a) => (a.body as { events: { id: string; duplicate: boolean }[] }).events[0]!);
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    const { rows } = await getPool().query('SELECT count(*)::int AS n FROM events WHERE event_id = $1', [(answers[0]!.body as { events: { eventId: string }[] }).events[0]!.eventId]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses an event another organisation already recorded', async () => {
    const i = fresh();
    const document = { type: 'ObjectEvent', eventTime: '2026-11-20T13:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [dl(i)], action: 'OBSERVE', bizStep: 'inspecting' };
    await recordEvents(n.maker.actor, [parseEpcisEvent(document)]);
    await expect(recordEvents(n.dist.actor, [parseEpcisEvent(document)])).rejects.toMatchObject({ code: 'event_recorded_by_other_organisation' });
  });
});

describe('the records of an event', () => {
  it('stores the public record as JCS with exactly the public members, its leaf hash, and a private record its digest matches', async () => {
    const i = fresh();
    await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
    const { events } = await scan(n.dist, { kind: 'receive', codes: [n.code(i)], bizTransactions: [{ type: 'desadv', id: 'DA-42' }] });
    const { rows } = await getPool().query('SELECT * FROM events WHERE id = $1', [events[0]!.id]);
    const row = rows[0];
    const record = JSON.parse(row.public_record);
    expect(Object.keys(record).sort()).toEqual(['action', 'actor', 'batch', 'bizStep', 'disposition', 'epcs', 'eventId', 'eventTime', 'eventTimeZoneOffset', 'privateDigest', 'recordTime', 'type', 'v']);
    expect(row.public_record).toBe(canonicalJson(record));
    // A distributor appears as role and country only: no name, no GLN, no trading partner.
    expect(record.actor).toEqual({ role: 'distributor', country: 'DE' });
    expect(row.public_record).not.toContain(n.dist.gln);
    expect(row.public_record).not.toContain('DA-42');
    expect(record).toMatchObject({ v: 1, eventId: events[0]!.eventId, type: 'ObjectEvent', action: 'OBSERVE', bizStep: 'receiving', batch: null, recordTime: row.record_time.toISOString() });
    expect(row.leaf_hash.toString('hex')).toBe(createHash('sha256').update(Buffer.from([0])).update(row.public_record, 'utf8').digest('hex'));
    // jsonb keeps no key order; JCS sorts again, so the digest is recomputable from what is stored.
    expect(privateDigestOf(row.salt, row.private_record)).toBe(record.privateDigest);
    expect(row.private_record.recorder).toEqual({ orgId: n.dist.id, gln: n.dist.gln, name: n.dist.name });
    expect(row.private_record.event).toMatchObject({ eventID: events[0]!.eventId, recordTime: record.recordTime, bizTransactionList: [{ type: 'desadv', bizTransaction: `urn:epcglobal:cbv:bt:${n.dist.gln}:DA-42` }] });
    expect(row.salt).toHaveLength(16);
  });

  it('names the manufacturer publicly, and commits to every identifier (all roles) with the epcs root the proofs use', async () => {
    const [a, b] = [fresh(), fresh()];
    const { sscc } = await (await import('../allocate-sscc')).allocateSscc(n.maker.actor);
    const { events } = await scan(n.maker, { kind: 'pack', parent: `(00)${sscc}`, codes: [n.code(a), n.code(b)] });
    const { rows } = await getPool().query('SELECT public_record FROM events WHERE id = $1', [events[0]!.id]);
    const record = JSON.parse(rows[0].public_record);
    expect(record.actor).toEqual({ role: 'manufacturer', country: 'DE', name: n.maker.name, gln: n.maker.gln });
    const { rows: epcs } = await getPool().query('SELECT epc, role FROM event_epcs WHERE event_id = $1 ORDER BY role, epc', [events[0]!.id]);
    expect(epcs.map((e) => e.role)).toEqual(['child', 'child', 'parent']);
    expect(record.epcs).toEqual(buildEpcTree(epcs.map((e) => e.epc)).summary);
  });
});

describe('EPCIS events through recordEvents', () => {
  it('checks the lot a Digital Link carries, as for scanned codes', async () => {
    const i = fresh();
    await scan(n.maker, { kind: 'ship', codes: [n.code(i)], to: n.dist.gln });
    const document = {
      type: 'ObjectEvent',
      eventTime: '2026-11-21T08:00:00Z',
      eventTimeZoneOffset: '+01:00',
      epcList: [`https://brand.example/01/${n.batch.gtin}/10/WRONGLOT/21/${n.serials[i]}`],
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
    };
    await expect(recordEvents(n.dist.actor, [parseEpcisEvent(document)])).rejects.toMatchObject({ code: 'batch_mismatch' });
    await recordEvents(n.dist.actor, [parseEpcisEvent({ ...document, epcList: [dl(i)] })]);
    expect((await getPool().query('SELECT custodian_org_id FROM packs WHERE serial = $1', [n.serials[i]])).rows[0].custodian_org_id).toBe(n.dist.id);
  });

  it('stores an error declaration under a derived ID, changes no custody, and alerts the parties', async () => {
    const i = fresh();
    const shipment = { type: 'ObjectEvent', eventTime: '2026-11-21T09:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [dl(i)], action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', destinationList: [{ type: 'owning_party', destination: `https://id.gs1.org/417/${n.dist.gln}` }] };
    const [shipped] = (await recordEvents(n.maker.actor, [parseEpcisEvent(shipment)])).events;
    const declaration = { ...shipment, errorDeclaration: { declarationTime: '2026-11-21T09:30:00Z', reason: 'incorrect_data' } };
    await expect(recordEvents(n.dist.actor, [parseEpcisEvent(declaration)])).rejects.toMatchObject({ code: 'not_event_recorder' });
    const [declared] = (await recordEvents(n.maker.actor, [parseEpcisEvent(declaration)])).events;
    expect(declared).toMatchObject({ kind: 'declaration', duplicate: false });
    expect(declared!.eventId).toMatch(new RegExp(`^${shipped!.eventId.replace(/[?.*+^$()[\]{}|\\]/g, '\\$&')}&declaration=[0-9a-f]{64}$`));
    expect((await getPool().query('SELECT in_transit_to_id FROM packs WHERE serial = $1', [n.serials[i]])).rows[0].in_transit_to_id).toBe(n.dist.id);
    expect((await alertsFor(shipped!.eventId))[0]).toMatchObject({ code: 'error_declared', visible_to: expect.arrayContaining([n.maker.id, n.dist.id]) });
    const unknown = { ...declaration, eventTime: '2026-11-21T09:59:00Z' };
    await expect(recordEvents(n.maker.actor, [parseEpcisEvent(unknown)])).rejects.toMatchObject({ code: 'declared_event_unknown' });
  });

  it('stores transformation events without custody effect; refuses events from the future and observations by organisations that do not hold the pack', async () => {
    const [input, output] = [fresh(), fresh()];
    const transformation = { type: 'TransformationEvent', eventTime: '2026-11-21T10:00:00Z', eventTimeZoneOffset: '+00:00', inputEPCList: [dl(input)], outputEPCList: [dl(output)] };
    await expect(recordEvents(n.maker.actor, [parseEpcisEvent(transformation)])).resolves.toMatchObject({ recorded: 1, events: [{ kind: 'observe' }] });
    const after = await getPool().query('SELECT status, custodian_org_id FROM packs WHERE serial = ANY($1) ORDER BY serial', [[n.serials[input], n.serials[output]]]);
    expect(after.rows.every((r) => r.status === 'ACTIVE' && r.custodian_org_id === n.maker.id)).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    await expect(scan(n.maker, { kind: 'ship', codes: [n.code(fresh())], to: n.dist.gln, eventTime: future })).rejects.toMatchObject({ code: 'event_time_in_future' });
    const looking = { type: 'ObjectEvent', eventTime: '2026-11-21T10:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [dl(fresh())], action: 'OBSERVE', bizStep: 'inspecting' };
    await expect(recordEvents(n.pharmacy.actor, [parseEpcisEvent(looking)])).rejects.toMatchObject({ code: 'not_custodian' });
    await expect(recordEvents(n.maker.actor, [parseEpcisEvent(looking)])).resolves.toMatchObject({ recorded: 1 });
  });

  it('needs the permission of each kind: a regulator may recall (through the recalls service only) but records no supply-chain event', async () => {
    const i = fresh();
    const recall = { type: 'ObjectEvent', eventTime: '2026-11-21T11:00:00Z', eventTimeZoneOffset: '+00:00', epcList: [dl(i)], action: 'OBSERVE', disposition: 'recalled' };
    await expect(recordEvents(n.regulator.actor, [parseEpcisEvent(recall)])).rejects.toMatchObject({ code: 'recall_requires_recalls_api' });
    const [input] = [parseEpcisEvent(recall)];
    await expect(recordCaptureEvents(n.regulator.actor, [{ input: input!, kind: 'recall', recall: { class: 'II', reason: 'Labelling error' } }])).resolves.toMatchObject({ recorded: 1 });
    const shipping = { ...recall, bizStep: 'shipping', disposition: 'in_transit' };
    await expect(recordEvents(n.regulator.actor, [parseEpcisEvent(shipping)])).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the ledger fence (lib/ledger/fence.ts)', () => {
  /** The sessions holding the fence in shared mode, as the sealer would wait for them. */
  const fenceHolders = async () => {
    const { rows } = await getPool().query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = $1 AND objsubid = 1 AND mode = 'ShareLock' AND granted`,
      [LEDGER_FENCE_KEY],
    );
    return rows.map((r) => r.pid);
  };

  it('is held by a recording from its first statement until it commits, so a seal cannot pass it', async () => {
    const i = fresh();
    let arrived!: (pid: number) => void;
    const inside = new Promise<number>((resolve) => (arrived = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const events = scanToEvents(ZScanRequest.parse({ events: [{ kind: 'ship', codes: [n.code(i)], to: n.dist.gln }] }).events, n.maker.gln, Date.now());
    const recording = recordCaptureEvents(n.maker.actor, events, {
      inTransaction: async (tx) => {
        arrived((await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
        await held;
      },
    });
    try {
      const recorder = await inside;
      expect(await fenceHolders()).toEqual([recorder]);
    } finally {
      release();
    }
    await expect(recording).resolves.toMatchObject({ recorded: 1 });
    expect(await fenceHolders()).toEqual([]);
  });
});
