import { z } from 'zod';
import { defineOperations } from '@/lib/http/openapi/registry';
import { ZAnchorsQuery, ZConsistencyQuery, ZProofQuery } from './schemas';

/** The public ledger and proof routes in the OpenAPI document (docs/decisions/039; bundle format: docs/ledger/proof-bundle.md). */
const hex = (what: string) => z.string().regex(/^[0-9a-f]{64}$/).meta({ description: `${what}, 64 lowercase hex digits.` });
const path = z.array(hex('A sibling hash')).meta({ description: 'RFC 9162 inclusion path, from the leaf upwards.' });

export const ZAnchor = z
  .object({
    seq: z.number().int(),
    periodStart: z.string(),
    periodEnd: z.string(),
    firstEventId: z.string(),
    lastEventId: z.string(),
    treeSize: z.number().int(),
    root: hex('Root of the period tree'),
    prevHash: hex('Hash of the previous anchor (zeros for seq 0)'),
    hash: hex('SHA-256 of the JCS of the other eight members'),
  })
  .meta({ id: 'Anchor', description: 'One sealed period of the append-only anchor chain.' });

export const ZProofBundle = z
  .object({
    version: z.literal(1),
    event: z.looseObject({ eventId: z.string(), eventTime: z.string(), epcs: z.object({ count: z.number().int(), root: z.string() }) }).meta({ description: "The event's public record; its leaf data is the UTF-8 of its RFC 8785 form." }),
    epc: z.object({ key: z.string(), index: z.number().int(), path }).nullable(),
    period: z.object({ leafIndex: z.number().int(), treeSize: z.number().int(), path }),
    anchor: ZAnchor,
    anchorLog: z.object({ index: z.number().int(), treeSize: z.number().int(), path }),
    checkpoint: z.string().meta({ description: 'C2SP signed note over the tlog-checkpoint of the anchor log.' }),
    logKey: z.object({ name: z.string(), publicKey: z.string(), verifierKey: z.string() }),
  })
  .meta({ id: 'ProofBundle', description: 'Proof bundle format version 1 (docs/ledger/proof-bundle.md). Check it with any RFC 6962/9162 and C2SP implementation, against a key obtained independently.' });

const ZPendingProof = z
  .object({ status: z.literal('pending'), eventId: z.string(), recordedAt: z.string(), expectedSealBy: z.string().meta({ description: 'When the period holding the event should be sealed (ISO 8601).' }) })
  .meta({ id: 'PendingProof' });

const ZLedgerKey = z
  .object({ name: z.string(), verifierKey: z.string().meta({ description: 'C2SP verifier key: <name>+<key ID>+<base64(0x01 || key)>.' }), keyId: z.string(), publicKey: z.string(), algorithm: z.literal('Ed25519') })
  .meta({ id: 'LedgerKey' });

export const LEDGER_OPERATIONS = defineOperations([
  {
    method: 'get',
    path: '/api/v1/ledger/checkpoint',
    operationId: 'getLatestCheckpoint',
    summary: 'The latest signed checkpoint of the anchor log',
    description: 'A C2SP signed note over a tlog-checkpoint, as text/plain; 404 ledger_nothing_sealed before the first seal.',
    tags: ['ledger'],
    auth: 'public',
    responses: { 200: { description: 'The note (text/plain; charset=utf-8).' } },
    problems: [404],
  },
  {
    method: 'get',
    path: '/api/v1/ledger/key',
    operationId: 'getLedgerKey',
    summary: 'The public key that signs checkpoints',
    tags: ['ledger'],
    auth: 'public',
    responses: { 200: { description: 'The key as a C2SP verifier key and in raw hex.', schema: ZLedgerKey } },
  },
  {
    method: 'get',
    path: '/api/v1/ledger/consistency',
    operationId: 'getConsistencyProof',
    summary: 'RFC 9162 consistency proof between two sizes of the anchor log',
    tags: ['ledger'],
    auth: 'public',
    query: ZConsistencyQuery,
    responses: { 200: { description: 'The proof (lowercase hex).', schema: z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(z.string()) }) } },
    problems: [404, 422],
  },
  {
    method: 'get',
    path: '/api/v1/ledger/anchors',
    operationId: 'listAnchors',
    summary: 'The anchor chain, newest first or forwards from a seq',
    tags: ['ledger'],
    auth: 'public',
    query: ZAnchorsQuery,
    responses: {
      200: {
        description: 'A page of anchors.',
        schema: z.object({ items: z.array(ZAnchor), nextBefore: z.number().int().nullable().optional(), nextAfter: z.number().int().nullable().optional() }),
      },
    },
    problems: [422],
  },
  {
    method: 'get',
    path: '/api/v1/proofs/{eventId}',
    operationId: 'getProofBundle',
    summary: 'The proof bundle of one event',
    description: '200 with the bundle once the event is sealed; 202 with the pending state (and Retry-After) before.',
    tags: ['ledger'],
    auth: 'public',
    params: { eventId: { description: 'The CBV 2.0 event hash ID (ni:///sha-256;<hex>?ver=CBV2.0), URL-encoded, or its 64 hex digits.' } },
    query: ZProofQuery,
    responses: { 200: { description: 'The proof bundle.', schema: ZProofBundle }, 202: { description: 'Recorded, not sealed yet.', schema: ZPendingProof } },
    problems: [400, 404, 422],
  },
]);
