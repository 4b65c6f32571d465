import { z } from 'zod';
import { ALERT_CODE_LIST, ALERT_SEVERITIES } from './alert-codes';

/** Inputs and answers of the alert inbox (GET/PATCH /api/v1/alerts, the console). */
export const ALERT_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'INVESTIGATING', 'CLOSED'] as const;
export const ALERT_RESOLUTIONS = ['SCANNER_FAULT', 'PROCESS_ERROR', 'CONFIRMED_FALSIFICATION', 'NO_ISSUE'] as const;

/** One value or a comma-separated list (?status=OPEN,ACKNOWLEDGED), or the parameter repeated. */
function listOf<T extends string>(values: readonly [T, ...T[]], what: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(z.enum(values, { error: `Unknown ${what}; one of ${values.join(', ')}.` })).max(values.length * 2))
    .optional();
}

const ZInstant = z.iso.datetime({ offset: true, error: 'Use an ISO-8601 date-time, e.g. 2026-11-01T00:00:00Z.' }).or(z.iso.date({ error: 'Use a date YYYY-MM-DD or an ISO-8601 date-time.' }));

export const ZAlertQuery = z
  .strictObject({
    code: listOf(ALERT_CODE_LIST as [string, ...string[]], 'alert code').meta({ description: 'Alert codes, comma-separated.' }),
    status: listOf(ALERT_STATUSES, 'status').meta({ description: 'Statuses, comma-separated (default: all).' }),
    severity: listOf(ALERT_SEVERITIES, 'severity'),
    since: ZInstant.optional().meta({ description: 'Last seen at or after (date or date-time, UTC).' }),
    until: ZInstant.optional().meta({ description: 'Last seen before (a date means the start of that day, UTC).' }),
    cursor: z.string().max(200).optional().meta({ description: 'The nextCursor of the previous page.' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.since === undefined || q.until === undefined || Date.parse(q.since) < Date.parse(q.until), { error: '`since` must be before `until`.', path: ['until'] });
export type TAlertQuery = z.infer<typeof ZAlertQuery>;

export const ZAlertChangeInput = z
  .strictObject({
    status: z.enum(['ACKNOWLEDGED', 'INVESTIGATING', 'CLOSED']).meta({ description: 'The new status.' }),
    resolution: z.enum(ALERT_RESOLUTIONS).optional().meta({ description: 'Required when closing, and only then.' }),
    note: z.string().trim().max(2000).optional().meta({ description: 'What was found or done; seen by every organisation that sees the alert.' }),
  })
  .meta({ id: 'AlertChangeInput' });
export type TAlertChangeInput = z.infer<typeof ZAlertChangeInput>;

const ZRaisedBy = z.object({ role: z.string(), country: z.string(), id: z.uuid().optional(), name: z.string().optional() }).nullable().meta({
  description: 'Who raised it (scanned): by name only for the regulator and the raising organisation itself; others see role and country.',
});

export const ZAlert = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    severity: z.enum(ALERT_SEVERITIES),
    status: z.enum(ALERT_STATUSES),
    resolution: z.enum(ALERT_RESOLUTIONS).nullable(),
    count: z.number().int().meta({ description: 'How many identical triggers were folded into this alert.' }),
    subject: z.string().meta({ description: 'Canonical key of the pack, case or batch (or event ID) it is about.' }),
    gtin: z.string().nullable(),
    serial: z.string().nullable(),
    batchId: z.uuid().nullable(),
    message: z.string(),
    raisedBy: ZRaisedBy,
    raisedByYou: z.boolean(),
    eventIds: z.array(z.string()),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
    updatedAt: z.string(),
    visibleTo: z.array(z.uuid()).optional().meta({ description: 'Regulator only.' }),
  })
  .meta({ id: 'Alert' });

export const ZAlertChange = z.object({
  at: z.string(),
  fromStatus: z.enum(ALERT_STATUSES).nullable(),
  toStatus: z.enum(ALERT_STATUSES),
  resolution: z.enum(ALERT_RESOLUTIONS).nullable(),
  note: z.string().nullable(),
  by: z.object({ role: z.string(), country: z.string(), id: z.uuid().optional(), name: z.string().optional(), you: z.boolean() }).nullable(),
});

export const ZAlertEvent = z.object({
  id: z.string(),
  eventId: z.string(),
  bizStep: z.string().nullable(),
  disposition: z.string().nullable(),
  eventTime: z.string(),
  recordTime: z.string(),
});

export const ZAlertDetail = ZAlert.extend({ changes: z.array(ZAlertChange), events: z.array(ZAlertEvent) }).meta({ id: 'AlertDetail' });
export const ZAlertPage = z.object({ items: z.array(ZAlert), nextCursor: z.string().nullable() }).meta({ id: 'AlertPage' });
