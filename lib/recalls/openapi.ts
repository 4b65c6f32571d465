import { z } from 'zod';
import { defineOperations } from '@/lib/http/openapi/registry';
import { ZRecall, ZRecallClose, ZRecallDetail, ZRecallInput, ZRecallQuery } from './schemas';

/** Recalls in the OpenAPI document (docs/alerts.md, docs/decisions/070). */
const recallId = { id: { description: 'Recall id (UUID).', schema: z.uuid() } };

export const RECALLS_OPERATIONS = defineOperations([
  {
    method: 'get',
    path: '/api/v1/recalls',
    operationId: 'listRecalls',
    summary: 'Recalls, newest first',
    tags: ['recalls'],
    auth: 'catalog:read',
    query: ZRecallQuery,
    responses: { 200: { description: 'A page of recalls.', schema: z.object({ items: z.array(ZRecall), nextBefore: z.string().nullable() }) } },
    problems: [422],
  },
  {
    method: 'post',
    path: '/api/v1/recalls',
    operationId: 'openRecall',
    summary: 'Recall a batch, or packs of it',
    description:
      'For the manufacturer of the product or the regulator. Records the recall event on the ledger (its public record carries class and reason), marks every affected pack RECALLED wherever it is (including inside cases and in transit), alerts each organisation holding or receiving affected packs, and notifies webhooks (recall.opened).',
    tags: ['recalls'],
    auth: 'recall:write',
    body: { schema: ZRecallInput },
    responses: { 201: { description: 'The recall.', schema: ZRecall } },
    problems: [404, 409, 422],
  },
  { method: 'get', path: '/api/v1/recalls/{id}', operationId: 'getRecall', summary: 'One recall, with its packs by status', tags: ['recalls'], auth: 'catalog:read', params: recallId, responses: { 200: { description: 'The recall.', schema: ZRecallDetail } }, problems: [404] },
  {
    method: 'post',
    path: '/api/v1/recalls/{id}/close',
    operationId: 'closeRecall',
    summary: 'Close a recall (its opener or the regulator); it stays on record',
    tags: ['recalls'],
    auth: 'recall:write',
    params: recallId,
    body: { schema: ZRecallClose },
    responses: { 200: { description: 'The closed recall.', schema: ZRecall } },
    problems: [404, 409, 422],
  },
]);
