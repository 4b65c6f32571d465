import { z } from 'zod';
import { defineOperations } from '@/lib/http/openapi/registry';
import { ZCheckAnswer, ZCounterRequest, ZDispenseAnswer, ZLvmQuery, ZLvmResponse, ZUndoAnswer, ZVerdict, ZVerifyQuery } from './schemas';

/** The verification service's routes in the OpenAPI document (docs/verification.md). */
export const VERIFICATION_OPERATIONS = defineOperations([
  {
    method: 'get',
    path: '/api/v1/verify',
    operationId: 'verifyCode',
    summary: 'The public verdict on a pack or batch',
    description:
      'AUTHENTIC, DISPENSED, RECALLED, EXPIRED, STOLEN, DESTROYED, MISMATCH or UNKNOWN, with what to do, the product and its maker, and (for a pack) its journey from public records. ' +
      'No credentials; rate-limited per client address (429 rate_limited with Retry-After). Prove each journey step with GET /api/v1/proofs/{eventId}?epc={namedKey} against GET /api/v1/ledger/key.',
    tags: ['verification'],
    auth: 'public',
    query: ZVerifyQuery,
    responses: { 200: { description: 'The verdict.', schema: ZVerdict } },
    problems: [422, 429],
  },
  {
    method: 'post',
    path: '/api/v1/dispense',
    operationId: 'dispensePack',
    summary: 'Verify and decommission a pack at the counter (EU FMD dispensing)',
    description:
      'One dispensing event through the custody rules. Refusals carry the reason as the problem code (already_dispensed, unknown_serial, batch_mismatch, pack_expired, pack_recalled, pack_stolen, pack_destroyed, not_custodian, in_transit), plus `verdict` and `pack`; suspicious ones raise an alert.',
    tags: ['dispensing'],
    auth: 'dispense',
    body: { schema: ZCounterRequest },
    idempotent: true,
    responses: { 201: { description: 'Dispensed.', schema: ZDispenseAnswer } },
    problems: [409, 422],
  },
  {
    method: 'post',
    path: '/api/v1/dispense/undo',
    operationId: 'undoDispense',
    summary: 'Undo a dispensing: same pharmacy, within 10 days, not expired or recalled since',
    description: 'Recorded as a stocking event (disposition sellable_accessible); the pack is active in your stock again. Refusals: undo_not_allowed, pack_recalled, pack_expired, not_dispensed, unknown_serial.',
    tags: ['dispensing'],
    auth: 'dispense',
    body: { schema: ZCounterRequest },
    idempotent: true,
    responses: { 201: { description: 'Back in stock.', schema: ZUndoAnswer } },
    problems: [409, 422],
  },
  {
    method: 'post',
    path: '/api/v1/dispense/verify',
    operationId: 'checkPack',
    summary: 'Verify a pack in stock without decommissioning it',
    description: 'The verdict, whether the pack is in your stock, and the code dispensing would be refused with now. Records nothing; a suspicious finding raises an alert.',
    tags: ['dispensing'],
    auth: 'verify:stock',
    body: { schema: ZCounterRequest },
    responses: { 200: { description: 'The check.', schema: ZCheckAnswer } },
    problems: [422],
  },
  {
    method: 'get',
    path: '/api/v1/lvm/01/{gtin}/10/{lot}/21/{serial}',
    operationId: 'verifySaleableReturn',
    summary: 'Saleable-returns verification (GS1 Lightweight Verification Messaging)',
    description: 'The request is the pack\'s GS1 Digital Link path with ?17=<expiry>&linkType=gs1:verificationService&context=dscsaSaleableReturn&reqGLN=&corrUUID=; the answer is the standard\'s response message.',
    tags: ['verification'],
    auth: 'verify:stock',
    params: {
      gtin: { description: 'GTIN (AI 01).', schema: z.string() },
      lot: { description: 'Lot (AI 10), percent-encoded.', schema: z.string() },
      serial: { description: 'Serial (AI 21), percent-encoded.', schema: z.string() },
    },
    query: ZLvmQuery,
    responses: { 200: { description: 'Verified, or not with the reason.', schema: ZLvmResponse } },
    problems: [400, 422],
  },
]);
