import { z } from 'zod';
import { GS_SUBSTITUTES } from './read-counter-code';
import { VERDICTS } from './types';

/**
 * The verification service's request and answer schemas: routes validate
 * with them and the OpenAPI document is generated from them
 * (docs/decisions/056).
 */
const text = (max: number, description: string, example?: string) =>
  z
    .string()
    .max(max)
    .optional()
    .meta({ description, ...(example ? { examples: [example] } : {}) });

export const ZVerifyQuery = z
  .object({
    code: text(4096, 'A pack or batch code in any GS1 form: the DataMatrix element string as scanned, the bracketed text printed under it, a GS1 Digital Link, an SGTIN URN or LGTIN class, or a bare GTIN with `lot` or `serial` below.', '(01)04098765000119(17)270331(10)AMX2401(21)7K3M9QX2PZ4D'),
    gtin: text(14, 'GTIN (8, 12, 13 or 14 digits), when the code is typed in parts.'),
    lot: text(20, 'Lot or batch number as printed.'),
    serial: text(20, 'Serial number as printed (SN).'),
    expiry: text(10, 'Expiry as printed: 2027-03-31, 270331, 2027-03 or 03/2027.'),
  })
  .meta({ id: 'VerifyQuery' });

export const ZCounterRequest = z
  .strictObject({
    code: z.string().min(1).max(4096).meta({ description: 'The pack code as scanned (any GS1 form).', examples: ['(01)04098765000119(17)270331(10)AMX2401(21)7K3M9QX2PZ4D'] }),
    separator: z.enum(GS_SUBSTITUTES).optional().meta({ description: 'The character your keyboard-wedge scanner sends for FNC1 (GS), if not GS itself.' }),
  })
  .meta({ id: 'CounterRequest' });

export const ZLvmPathParams = z.object({ gtin: z.string().min(1).max(14), lot: z.string().min(1).max(60), serial: z.string().min(1).max(60) });

export const ZLvmQuery = z
  .object({
    '17': z.string().regex(/^\d{6}$/, 'The expiry (AI 17) is YYMMDD.').meta({ description: 'Expiry date as encoded on the pack (AI 17, YYMMDD).', examples: ['270331'] }),
    linkType: z.string().max(100).optional().meta({ description: 'gs1:verificationService (the default).' }),
    context: z.string().max(100).optional().meta({ description: 'dscsaSaleableReturn (the default).' }),
    reqGLN: z.string().regex(/^\d{13}$/, 'A GLN has 13 digits.').optional().meta({ description: "The requester's GLN; must be your organisation's." }),
    corrUUID: z.uuid().optional().meta({ description: 'Correlation UUID, echoed in the answer (one is made when absent).' }),
  })
  .meta({ id: 'LvmQuery' });

const ZProduct = z.object({ gtin: z.string(), name: z.string(), form: z.string(), strength: z.string(), packSize: z.number().int() });
const ZManufacturer = z.object({ name: z.string(), country: z.string() });
const ZRecall = z.object({ reason: z.string(), recallClass: z.enum(['I', 'II', 'III']), since: z.string(), open: z.boolean() });
const ZActor = z.object({ role: z.string(), country: z.string(), name: z.string().optional() });
const ZScanned = z.object({ lot: z.string().optional(), expiry: z.string().optional(), expiryMonth: z.string().optional() });

export const ZJourneyStep = z
  .object({
    eventId: z.string(),
    step: z.string().meta({ description: 'commission, pack, unpack, ship, receive, dispense, restock, ... (lib/events kinds).' }),
    namedKey: z.string().nullable().meta({ description: "The key the event names for this pack: the pack, or the manufacturer's case it travelled in. Pass it as ?epc= to GET /api/v1/proofs/{eventId}. Null for a trader's case, whose code would name the trader." }),
    via: z.string().nullable(),
    throughCase: z.boolean(),
    bizStep: z.string().nullable(),
    disposition: z.string().nullable(),
    eventTime: z.string(),
    eventTimeZoneOffset: z.string(),
    recordTime: z.string(),
    actor: ZActor,
  })
  .meta({ id: 'JourneyStep', description: 'One event of the journey, from its public record only.' });

const common = {
  verdict: z.enum(VERDICTS),
  headline: z.string(),
  advice: z.string(),
  notes: z.array(z.string()),
  gtin: z.string(),
  key: z.string(),
  product: ZProduct.nullable(),
  manufacturer: ZManufacturer.nullable(),
  recall: ZRecall.nullable(),
  checkedAt: z.string(),
};

export const ZPackVerdict = z
  .object({
    kind: z.literal('pack'),
    ...common,
    serial: z.string(),
    scanned: ZScanned,
    batch: z.object({ lot: z.string(), expiry: z.string(), recalled: z.boolean(), expired: z.boolean() }).nullable(),
    dispensedOn: z.string().nullable(),
    mismatch: z.object({ lot: z.boolean(), expiry: z.boolean() }).nullable(),
    journey: z.array(ZJourneyStep),
  })
  .meta({ id: 'PackVerdict' });

export const ZBatchVerdict = z
  .object({
    kind: z.literal('batch'),
    ...common,
    lot: z.string(),
    scanned: ZScanned,
    batch: z.object({ expiry: z.string(), manufacturedOn: z.string().nullable(), status: z.enum(['ACTIVE', 'RECALLED']), expired: z.boolean() }).nullable(),
    counts: z.object({ commissioned: z.number().int(), dispensed: z.number().int() }).nullable(),
    commissioning: z.array(z.object({ eventId: z.string(), eventTime: z.string(), eventTimeZoneOffset: z.string(), packCount: z.number().int(), actor: ZActor })),
  })
  .meta({ id: 'BatchVerdict' });

export const ZVerdict = z.discriminatedUnion('kind', [ZPackVerdict, ZBatchVerdict]).meta({ id: 'Verdict' });

const ZCounterPack = z.object({ gtin: z.string(), serial: z.string(), key: z.string(), product: ZProduct.nullable(), manufacturer: ZManufacturer.nullable(), lot: z.string().nullable(), expiry: z.string().nullable() });
const ZCounterEvent = z.object({ eventId: z.string(), id: z.string(), recordTime: z.string(), duplicate: z.boolean() });

export const ZDispenseAnswer = z
  .object({ outcome: z.literal('dispensed'), message: z.string(), pack: ZCounterPack, event: ZCounterEvent, undoUntil: z.string() })
  .meta({ id: 'DispenseAnswer' });

export const ZUndoAnswer = z.object({ outcome: z.literal('restored'), message: z.string(), pack: ZCounterPack, event: ZCounterEvent }).meta({ id: 'UndoAnswer' });

export const ZCheckAnswer = z
  .object({
    outcome: z.literal('checked'),
    verdict: z.enum(VERDICTS),
    dispensable: z.boolean(),
    reason: z.string().nullable().meta({ description: 'The code dispensing would be refused with now (already_dispensed, not_custodian, ...).' }),
    message: z.string(),
    inYourStock: z.boolean(),
    pack: ZCounterPack,
  })
  .meta({ id: 'CheckAnswer' });

export const ZLvmResponse = z
  .object({
    verificationTimestamp: z.string(),
    responderGLN: z.string().optional(),
    data: z.object({
      verified: z.boolean(),
      verificationFailureReason: z.enum(['No_match_GTIN_Serial', 'No_match_GTIN_Serial_Lot', 'No_match_GTIN_Serial_Expiry', 'No_match_GTIN_Serial_Lot_Expiry', 'Not_for_re-distribution']).optional(),
      additionalInfo: z.enum(['Recalled', 'Expired', 'Suspect', 'Illegitimate']).optional(),
    }),
    corrUUID: z.string(),
  })
  .meta({ id: 'LvmResponse', description: 'GS1 Lightweight Messaging Standard for Verification of Product Identifiers: the verification response.' });
