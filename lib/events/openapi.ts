import { z } from 'zod';
import { defineOperations } from '@/lib/http/openapi/registry';
import { ZEventPageQuery, ZSerialParam, ZSsccParam, ZStockQuery } from './query-schemas';
import { ZScanRequest, ZScanResponse } from './schemas';

/** The events routes in the OpenAPI document (answers as lib/events returns them). */
const ZOrgName = z.object({ id: z.uuid(), name: z.string() });

export const ZPublicRecord = z
  .object({
    v: z.literal(1),
    eventId: z.string(),
    type: z.string(),
    action: z.string().nullable(),
    bizStep: z.string().nullable(),
    disposition: z.string().nullable(),
    eventTime: z.string(),
    eventTimeZoneOffset: z.string(),
    recordTime: z.string(),
    epcs: z.object({ count: z.number().int(), root: z.string() }).meta({ description: 'RFC 6962 root over the identifier keys the event names (docs/ledger/proof-bundle.md).' }),
    batch: z.object({ gtin: z.string(), lot: z.string(), expiry: z.string() }).nullable(),
    actor: z.object({ role: z.string(), country: z.string(), name: z.string().optional(), gln: z.string().optional() }),
    privateDigest: z.string().meta({ description: 'hex SHA-256(salt || JCS(private record)).' }),
  })
  .meta({ id: 'PublicRecord', description: "The ledger's leaf data for the event; publicRecordText is its exact RFC 8785 text." });

export const ZEventView = z
  .object({
    id: z.string(),
    eventId: z.string(),
    recordTime: z.string(),
    kind: z.string().nullable(),
    via: z.string().nullable().meta({ description: 'The case through which the event concerns the subject; null when it names the subject.' }),
    publicRecord: ZPublicRecord,
    publicRecordText: z.string(),
    leafHash: z.string(),
    privateRecord: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The EPCIS event and its recorder: only for the parties of the event and the regulator.' }),
    salt: z.string().nullable(),
  })
  .meta({ id: 'EventView' });

export const ZPackDetail = z
  .object({
    key: z.string(),
    gtin: z.string(),
    serial: z.string(),
    status: z.enum(['ACTIVE', 'DISPENSED', 'RECALLED', 'STOLEN', 'EXPIRED', 'DESTROYED']),
    product: z.object({ gtin: z.string(), name: z.string(), form: z.string(), strength: z.string(), packSize: z.number().int() }),
    batch: z.object({ id: z.uuid(), lot: z.string(), expiry: z.string(), recalled: z.boolean(), expired: z.boolean() }),
    manufacturer: ZOrgName,
    custodian: ZOrgName.nullable(),
    heldByYou: z.boolean(),
    inTransitTo: ZOrgName.nullable(),
    inTransit: z.boolean(),
    container: z.string().nullable(),
    commissionedAt: z.string(),
    dispensedAt: z.string().nullable(),
  })
  .meta({ id: 'PackDetail' });

export const ZContainerDetail = z
  .object({
    sscc: z.string(),
    key: z.string(),
    status: z.enum(['ACTIVE', 'UNPACKED', 'DESTROYED']),
    owner: ZOrgName,
    custodian: ZOrgName.nullable(),
    heldByYou: z.boolean(),
    inTransitTo: ZOrgName.nullable(),
    inTransit: z.boolean(),
    parent: z.string().nullable(),
    contents: z.object({ packs: z.array(z.string()).nullable(), containers: z.array(z.string()).nullable(), packCount: z.number().int(), containerCount: z.number().int() }),
  })
  .meta({ id: 'ContainerDetail' });

export const ZStockLine = z
  .object({
    gtin: z.string(),
    productName: z.string(),
    batchId: z.uuid(),
    lot: z.string(),
    expiry: z.string(),
    expired: z.boolean(),
    batchRecalled: z.boolean(),
    available: z.number().int(),
    recalled: z.number().int(),
    expiredPacks: z.number().int(),
    inTransit: z.number().int(),
  })
  .meta({ id: 'StockLine' });

export const ZAllocatedSscc = z.object({ sscc: z.string(), key: z.string(), code: z.string() }).meta({ id: 'AllocatedSscc' });
export const ZEventList = z.object({ items: z.array(ZEventView) });
export const ZEventPage = z.object({ items: z.array(ZEventView), nextBefore: z.string().nullable() });

const pack = { gtin: { description: 'GTIN of the pack (14 digits).' }, serial: { description: 'Serial (AI 21), percent-encoded.', schema: ZSerialParam } };
const sscc = { sscc: { description: 'SSCC (18 digits).', schema: ZSsccParam } };

export const EVENTS_OPERATIONS = defineOperations([
  {
    method: 'post',
    path: '/api/v1/scans',
    operationId: 'recordScans',
    summary: 'Record scans as EPCIS events (all or none)',
    description:
      'Each event is checked against the custody rules in order (a request may commission, pack and ship). A refused request records nothing and answers with the first refusal\'s code (unknown_serial, not_custodian, in_transit, not_destination, already_dispensed, pack_recalled, pack_expired, batch_mismatch, ...); errors[] lists every refused event by index. Sending the same event again answers as the first time (duplicate: true). See docs/api.md.',
    tags: ['events'],
    auth: 'events:write',
    idempotent: true,
    body: { schema: ZScanRequest },
    responses: { 201: { description: 'Recorded.', schema: ZScanResponse } },
    problems: [400, 409, 413, 415, 422],
  },
  { method: 'post', path: '/api/v1/containers', operationId: 'allocateSscc', summary: 'Allocate the next SSCC under your company prefix', tags: ['events'], auth: 'events:write', responses: { 201: { description: 'The SSCC, reserved as an empty case you hold.', schema: ZAllocatedSscc } }, problems: [403] },
  { method: 'get', path: '/api/v1/containers/{sscc}', operationId: 'getContainer', summary: 'A case or pallet', tags: ['events'], auth: 'events:read', params: sscc, responses: { 200: { description: 'The case.', schema: ZContainerDetail } }, problems: [404] },
  { method: 'get', path: '/api/v1/containers/{sscc}/events', operationId: 'getContainerHistory', summary: "A case's history", tags: ['events'], auth: 'events:read', params: sscc, responses: { 200: { description: 'Events, oldest first.', schema: ZEventList } }, problems: [404] },
  { method: 'get', path: '/api/v1/packs/{gtin}/{serial}', operationId: 'getPack', summary: 'A pack', tags: ['events'], auth: 'events:read', params: pack, responses: { 200: { description: 'The pack.', schema: ZPackDetail } }, problems: [404] },
  { method: 'get', path: '/api/v1/packs/{gtin}/{serial}/events', operationId: 'getPackHistory', summary: "A pack's history (including its cases' events while inside)", tags: ['events'], auth: 'events:read', params: pack, responses: { 200: { description: 'Events, oldest first.', schema: ZEventList } }, problems: [404] },
  { method: 'get', path: '/api/v1/batches/{id}/events', operationId: 'getBatchHistory', summary: "A batch's events, newest first, paged", tags: ['events'], auth: 'events:read', params: { id: { description: 'Batch id (UUID).', schema: z.uuid() } }, query: ZEventPageQuery, responses: { 200: { description: 'A page of events.', schema: ZEventPage } }, problems: [404, 422] },
  { method: 'get', path: '/api/v1/stock', operationId: 'getStock', summary: 'Current stock by product and batch', tags: ['events'], auth: 'events:read', query: ZStockQuery, responses: { 200: { description: 'Stock lines.', schema: z.object({ items: z.array(ZStockLine) }) } }, problems: [422] },
]);
