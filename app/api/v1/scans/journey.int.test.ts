import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApiKey, createTestOrg, createTestSession, createTestUser, sessionCookie } from '@/lib/auth/test-fixtures';
import { ZBatch, ZCommissioned, ZProduct } from '@/lib/catalog/openapi';
import { ZAllocatedSscc, ZEventList, ZPackDetail } from '@/lib/events/openapi';
import { ZScanResponse } from '@/lib/events/schemas';
import { withCheckDigit } from '@/lib/gs1';
import { POST as allocate } from '../containers/route';
import { POST as commission } from '../batches/[id]/commission/route';
import { POST as createBatch } from '../batches/route';
import { GET as openapi } from '../openapi.json/route';
import { GET as packEvents } from '../packs/[gtin]/[serial]/events/route';
import { GET as getPack } from '../packs/[gtin]/[serial]/route';
import { POST as createProduct } from '../products/route';
import { POST as scans } from './route';

/*
 * The story of a pack told through the JSON API only, as scanners and ERP
 * systems tell it (API keys; a pharmacist signed in at the counter): made,
 * packed, shipped through a wholesaler, received, dispensed once. Every
 * answer is checked against the schema the OpenAPI document publishes.
 */
/** Any route handler: their params types differ, and each is called with the params of its path. */
type THandler = (request: Request, ctx?: never) => Promise<Response>;
type TParty = { id: string; gln: string; headers: Record<string, string> };

let maker: TParty & { prefix: string };
let wholesaler: TParty;
let pharmacy: TParty;

async function party(role: 'MANUFACTURER' | 'DISTRIBUTOR' | 'PHARMACY'): Promise<TParty & { prefix: string }> {
  const org = await createTestOrg(role);
  const { key } = await createTestApiKey(org.id);
  return { id: org.id, gln: org.gln, prefix: org.companyPrefixes[0] ?? '', headers: { authorization: `Bearer ${key}` } };
}

async function call(handler: THandler, who: TParty, options: { body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const request = new Request('http://api.test/api/v1/x', {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: { ...who.headers, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) } as never);
  return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  [maker, wholesaler] = await Promise.all([party('MANUFACTURER'), party('DISTRIBUTOR')]);
  const counter = await createTestOrg('PHARMACY');
  const pharmacist = await createTestUser(counter.id, 'OPERATOR');
  pharmacy = { id: counter.id, gln: counter.gln, headers: { cookie: sessionCookie(await createTestSession(pharmacist.id)) } };
});

describe('the journey of a pack through the API', () => {
  it('is made, packed, shipped, received, passed on, received and dispensed once; a second dispensing is refused', async () => {
    const gtin = withCheckDigit(`0${maker.prefix}00042`);
    const product = await call(createProduct, maker, { body: { gtin, name: 'Losartan 50 mg tablets', form: 'tablet', strength: '50 mg', packSize: 28, companyPrefixLength: 7 } });
    expect(product.status).toBe(201);
    ZProduct.parse(product.body);
    const batch = await call(createBatch, maker, { body: { gtin, lot: 'LOS2611', expiry: '2028-10-31', manufacturedOn: '2026-11-01' } });
    expect(batch.status).toBe(201);
    const { id: batchId } = ZBatch.parse(batch.body);

    const idempotency = { 'idempotency-key': `commission-${batchId}` };
    const made = await call(commission, maker, { body: { count: 6 }, params: { id: batchId }, headers: idempotency });
    expect(made.status).toBe(201);
    const { serials } = ZCommissioned.parse(made.body);
    // A retried commissioning with the same key gets the same serials back, and makes no more packs.
    expect((await call(commission, maker, { body: { count: 6 }, params: { id: batchId }, headers: idempotency })).body).toEqual(made.body);
    const reused = await call(commission, maker, { body: { count: 7 }, params: { id: batchId }, headers: idempotency });
    expect(reused).toMatchObject({ status: 422, type: 'application/problem+json', body: { code: 'idempotency_key_reused' } });

    const { code: caseCode } = ZAllocatedSscc.parse((await call(allocate, maker, { body: {} })).body);
    const packCodes = serials!.map((s) => `(01)${gtin}(17)281031(10)LOS2611(21)${s}`);
    const packed = await call(scans, maker, {
      body: { events: [{ kind: 'pack', parent: caseCode, codes: packCodes }, { kind: 'ship', codes: [caseCode], to: wholesaler.gln, bizTransactions: [{ type: 'desadv', id: 'DA-1' }] }] },
    });
    expect(packed.status).toBe(201);
    expect(ZScanResponse.parse(packed.body).events.map((e) => e.kind)).toEqual(['pack', 'ship']);

    const received = await call(scans, wholesaler, { body: { events: [{ kind: 'receive', codes: [caseCode] }, { kind: 'unpack', parent: caseCode }, { kind: 'ship', codes: packCodes.slice(0, 2), to: pharmacy.gln }] } });
    expect(received.status).toBe(201);
    expect((await call(scans, pharmacy, { body: { events: [{ kind: 'receive', codes: packCodes.slice(0, 2) }] } })).status).toBe(201);

    const dispensed = await call(scans, pharmacy, { body: { events: [{ kind: 'dispense', codes: [packCodes[0]] }] } });
    expect(dispensed.status).toBe(201);
    const again = await call(scans, pharmacy, { body: { events: [{ kind: 'dispense', codes: [packCodes[0]] }] } });
    expect(again).toMatchObject({ status: 409, type: 'application/problem+json', body: { code: 'already_dispensed', errors: [{ index: 0, code: 'already_dispensed' }] } });

    const pack = ZPackDetail.parse((await call(getPack, pharmacy, { params: { gtin, serial: serials![0]! } })).body);
    expect(pack).toMatchObject({ status: 'DISPENSED', custodian: null });
    const history = ZEventList.parse((await call(packEvents, maker, { params: { gtin, serial: serials![0]! } })).body);
    expect(history.items.map((e) => [e.kind, e.via !== null])).toEqual([
      ['commission', false],
      ['pack', false],
      ['ship', true],
      ['receive', true],
      ['unpack', true],
      ['ship', false],
      ['receive', false],
      ['dispense', false],
    ]);
    // The manufacturer reads the private records of what it did and of the receipt of its shipment; downstream only the public ones.
    expect(history.items.filter((e) => e.privateRecord !== null).map((e) => e.kind)).toEqual(['commission', 'pack', 'ship', 'receive']);
  });

  it('answers a retried scan request with the same Idempotency-Key exactly as the first time, even when retries race', async () => {
    const gtin = withCheckDigit(`0${maker.prefix}00059`);
    await call(createProduct, maker, { body: { gtin, name: 'Amlodipine 5 mg tablets', form: 'tablet', strength: '5 mg', packSize: 30, companyPrefixLength: 7 } });
    const { id } = ZBatch.parse((await call(createBatch, maker, { body: { gtin, lot: 'AML1', expiry: '2029-01-31' } })).body);
    const { serials } = ZCommissioned.parse((await call(commission, maker, { body: { count: 1 }, params: { id } })).body);
    const body = { events: [{ kind: 'ship', codes: [`https://id.gs1.org/01/${gtin}/21/${serials![0]}`], to: wholesaler.gln }] };
    const headers = { 'idempotency-key': 'ship-aml1-0001' };
    const answers = await Promise.all([call(scans, maker, { body, headers }), call(scans, maker, { body, headers })]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    expect(ZScanResponse.parse(answers[0]!.body)).toMatchObject({ recorded: 1, duplicates: 0 });
  });

  it('publishes an OpenAPI document that describes these routes', async () => {
    const document = await call(openapi, { id: '', gln: '', headers: {} });
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths as object)).toEqual(expect.arrayContaining(['/api/v1/scans', '/api/v1/batches/{id}/commission', '/api/v1/packs/{gtin}/{serial}/events']));
  });
});
