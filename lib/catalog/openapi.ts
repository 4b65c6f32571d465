import { z } from 'zod';
import { defineOperations } from '@/lib/http/openapi/registry';
import { ZBatchInput, ZBatchQuery, ZCommissionInput, ZProductInput, ZProductQuery } from './schemas';

/** The catalogue routes in the OpenAPI document (answers as lib/catalog returns them). */
const ZOrgName = z.object({ id: z.uuid(), name: z.string() });

export const ZProduct = z
  .object({ gtin: z.string(), name: z.string(), form: z.string(), strength: z.string(), packSize: z.number().int(), companyPrefixLength: z.number().int(), owner: ZOrgName, createdAt: z.string() })
  .meta({ id: 'Product' });

export const ZBatch = z
  .object({
    id: z.uuid(),
    gtin: z.string(),
    productName: z.string(),
    lot: z.string(),
    expiry: z.string(),
    manufacturedOn: z.string().nullable(),
    status: z.enum(['ACTIVE', 'RECALLED']),
    expired: z.boolean(),
    owner: ZOrgName,
    createdAt: z.string(),
  })
  .meta({ id: 'Batch' });

const count = z.number().int();
export const ZBatchDetail = ZBatch.extend({
  scope: z.enum(['batch', 'yours']).meta({ description: '"batch": counts of the whole batch (manufacturer, regulator); "yours": of your own packs.' }),
  packs: z.object({ ACTIVE: count, DISPENSED: count, RECALLED: count, STOLEN: count, EXPIRED: count, DESTROYED: count, total: count, incoming: count }),
}).meta({ id: 'BatchDetail' });

export const ZCommissioned = z
  .object({
    batchId: z.uuid(),
    gtin: z.string(),
    lot: z.string(),
    eventId: z.string().meta({ description: 'The commissioning event (CBV 2.0 hash ID).' }),
    id: z.string(),
    recordTime: z.string(),
    count: count,
    duplicate: z.boolean(),
    serials: z.array(z.string()).optional().meta({ description: 'The new serials (random commissioning only), for the label printer.' }),
  })
  .meta({ id: 'Commissioned' });

const batchId = { id: { description: 'Batch id (UUID).', schema: z.uuid() } };

export const CATALOG_OPERATIONS = defineOperations([
  { method: 'get', path: '/api/v1/products', operationId: 'listProducts', summary: 'The product catalogue', tags: ['catalog'], auth: 'catalog:read', query: ZProductQuery, responses: { 200: { description: 'Products.', schema: z.object({ items: z.array(ZProduct) }) } }, problems: [422] },
  {
    method: 'post',
    path: '/api/v1/products',
    operationId: 'registerProduct',
    summary: 'Register a product under one of your GS1 company prefixes',
    tags: ['catalog'],
    auth: 'catalog:write',
    body: { schema: ZProductInput },
    responses: { 201: { description: 'The product.', schema: ZProduct } },
    problems: [409, 422],
  },
  { method: 'get', path: '/api/v1/products/{gtin}', operationId: 'getProduct', summary: 'One product', tags: ['catalog'], auth: 'catalog:read', params: { gtin: { description: 'GTIN (8, 12, 13 or 14 digits).' } }, responses: { 200: { description: 'The product.', schema: ZProduct } }, problems: [404] },
  { method: 'get', path: '/api/v1/batches', operationId: 'listBatches', summary: 'Batches you may see', tags: ['catalog'], auth: 'catalog:read', query: ZBatchQuery, responses: { 200: { description: 'Batches.', schema: z.object({ items: z.array(ZBatch) }) } }, problems: [422] },
  {
    method: 'post',
    path: '/api/v1/batches',
    operationId: 'registerBatch',
    summary: 'Register a batch (lot, expiry) of one of your products',
    tags: ['catalog'],
    auth: 'catalog:write',
    body: { schema: ZBatchInput },
    responses: { 201: { description: 'The batch.', schema: ZBatch } },
    problems: [404, 409, 422],
  },
  { method: 'get', path: '/api/v1/batches/{id}', operationId: 'getBatch', summary: 'One batch with its pack counts', tags: ['catalog'], auth: 'catalog:read', params: batchId, responses: { 200: { description: 'The batch.', schema: ZBatchDetail } }, problems: [404] },
  {
    method: 'post',
    path: '/api/v1/batches/{id}/commission',
    operationId: 'commissionBatch',
    summary: 'Commission packs with random serials (one commissioning event)',
    description: 'Creates `count` packs (1 to 100,000) with random, non-guessable serials and records one EPCIS commissioning event (ObjectEvent ADD, bizStep commissioning, disposition active, ILMD lot and expiry). Use an Idempotency-Key: a blind retry would commission a second set.',
    tags: ['catalog'],
    auth: 'serials:commission',
    params: batchId,
    idempotent: true,
    body: { schema: ZCommissionInput },
    responses: { 201: { description: 'Commissioned; the answer lists the serials.', schema: ZCommissioned } },
    problems: [404, 409, 422],
  },
  {
    method: 'post',
    path: '/api/v1/batches/{id}/serials',
    operationId: 'importSerials',
    summary: 'Commission packs with your own serials (text/csv)',
    description: 'One serial per line, optional header, RFC 4180 quoting. Each line must be 1-20 characters of GS1 character set 82, unique in the file and not yet commissioned for the GTIN; otherwise 422 serials_invalid lists every bad line (errors[].index = line number) and nothing is commissioned.',
    tags: ['catalog'],
    auth: 'serials:commission',
    params: batchId,
    idempotent: true,
    body: { contentType: 'text/csv', description: 'One serial per line.', example: 'serial\nA1B2C3D4E5\nA1B2C3D4E6\n' },
    responses: { 201: { description: 'Commissioned.', schema: ZCommissioned } },
    problems: [404, 409, 413, 415, 422],
  },
]);
