import { z } from 'zod';
import { CBV_BIZ_TRANSACTION_TYPES } from '@/lib/epcis';
import { hasValidCheckDigit } from '@/lib/gs1/check-digit';
import { SCAN_KINDS } from './types';

/** Events per scan request: one transaction, one lock set; a scanner batch or an ERP export fits easily. */
export const MAX_SCAN_EVENTS = 5000;
/** Codes named by one event (a shipment of loose packs). */
export const MAX_CODES_PER_EVENT = 10_000;
/** Codes per request, over all its events. */
export const MAX_SCAN_CODES = 100_000;
/** Bytes of JSON per scan request. */
export const MAX_SCAN_BODY_BYTES = 10_000_000;

const ZCode = z
  .string()
  .min(1)
  .max(4096)
  .meta({
    description:
      'A pack or case code in any GS1 form: element string as scanned (with GS or FNC1), bracketed text, GS1 Digital Link, EPC URN. A batch ID (GTIN + lot) names a whole batch in a recall.',
    examples: ['(01)04098765000119(17)270331(10)AMX2401(21)7K3M9QX2PZ4D', 'https://id.gs1.org/00/340987650000000012'],
  });

export const ZGlnInput = z
  .string()
  .regex(/^\d{13}$/, 'A GLN has 13 digits.')
  .refine(hasValidCheckDigit, { error: 'The GLN check digit is wrong.' })
  .meta({ description: 'GS1 Global Location Number of an organisation of the network.', examples: ['4091234000016'] });

export const ZScanEvent = z
  .strictObject({
    kind: z.enum(SCAN_KINDS).meta({ description: 'What happened; see docs/api.md for the EPCIS event each kind records.' }),
    codes: z.array(ZCode).max(MAX_CODES_PER_EVENT).default([]).meta({ description: 'The packs and cases the event is about (the children when packing or unpacking; none to unpack everything).' }),
    parent: ZCode.optional().meta({ description: 'pack and unpack: the SSCC of the case or pallet.' }),
    to: ZGlnInput.optional().meta({ description: 'ship and return: GLN of the destination organisation.' }),
    from: ZGlnInput.optional().meta({ description: 'receive: GLN of the sender, when known.' }),
    eventTime: z.iso.datetime({ offset: true }).optional().meta({ description: 'When it happened (default: now). Send it, or an Idempotency-Key, so that a retried request is recognised.' }),
    eventTimeZoneOffset: z
      .string()
      .regex(/^[+-](0\d|1[0-3]):[0-5]\d$|^[+-]14:00$/, 'Use ±hh:mm, e.g. +01:00.')
      .optional()
      .meta({ description: 'Local offset where it happened (default: the offset of eventTime, else +00:00).' }),
    bizTransactions: z
      .array(z.strictObject({ type: z.enum(CBV_BIZ_TRANSACTION_TYPES), id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, 'Use letters, digits and . _ / - (at most 64).') }))
      .max(10)
      .optional()
      .meta({ description: 'Business documents of your organisation, e.g. {"type": "desadv", "id": "DA-2026-0042"}. Private to the parties.' }),
  })
  .superRefine((event, ctx) => {
    const needsCodes = event.kind !== 'unpack';
    if (needsCodes && event.codes.length === 0) ctx.addIssue({ code: 'custom', path: ['codes'], message: `A ${event.kind} event names at least one code.` });
    if ((event.kind === 'pack' || event.kind === 'unpack') && event.parent === undefined) ctx.addIssue({ code: 'custom', path: ['parent'], message: 'Name the case or pallet (its SSCC).' });
    if (event.kind !== 'pack' && event.kind !== 'unpack' && event.parent !== undefined) ctx.addIssue({ code: 'custom', path: ['parent'], message: 'Only pack and unpack events have a parent.' });
    if ((event.kind === 'ship' || event.kind === 'return') && event.to === undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Name the destination by its GLN.' });
    if (event.kind !== 'ship' && event.kind !== 'return' && event.to !== undefined) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Only ship and return events have a destination.' });
    if (event.kind !== 'receive' && event.from !== undefined) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Only receive events have a sender.' });
  })
  .meta({ id: 'ScanEvent' });

export const ZScanRequest = z
  .strictObject({
    events: z.array(ZScanEvent).min(1).max(MAX_SCAN_EVENTS),
  })
  .superRefine((request, ctx) => {
    const codes = request.events.reduce((n, e) => n + e.codes.length, 0);
    if (codes > MAX_SCAN_CODES) ctx.addIssue({ code: 'custom', path: ['events'], message: `At most ${MAX_SCAN_CODES} codes per request (got ${codes}).` });
  })
  .meta({ id: 'ScanRequest' });

export type TScanEventInput = z.infer<typeof ZScanEvent>;
export type TScanRequest = z.infer<typeof ZScanRequest>;

const ZRecordedEvent = z.object({
  index: z.number().int(),
  eventId: z.string().meta({ description: 'CBV 2.0 event hash ID (ni:///sha-256;…?ver=CBV2.0).' }),
  id: z.string().meta({ description: 'Ledger sequence number (decimal).' }),
  recordTime: z.string(),
  kind: z.string(),
  duplicate: z.boolean().meta({ description: 'True when this event was already recorded (a retry): nothing changed again.' }),
  alerts: z.array(z.string()).meta({ description: 'Alerts raised for an anomaly recorded rather than refused, e.g. receipt_without_shipment.' }),
});

export const ZScanResponse = z.object({ recorded: z.number().int(), duplicates: z.number().int(), events: z.array(ZRecordedEvent) }).meta({ id: 'ScanResult' });
