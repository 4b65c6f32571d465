import { z } from 'zod';

/** The regulator overview (GET /api/v1/overview): a period, and the figures of it. */
export const MAX_OVERVIEW_DAYS = 366;

const ZDay = z.iso.date({ error: 'Use a date YYYY-MM-DD.' });

/** The query string as sent (the OpenAPI document describes this one). */
export const ZOverviewParams = z.strictObject({
  from: ZDay.optional().meta({ description: 'First day (UTC) of the period; default 29 days before `to`.' }),
  to: ZDay.optional().meta({ description: 'Last day (UTC) of the period, included; default today.' }),
});

export const ZOverviewQuery = ZOverviewParams.transform((q, ctx) => {
  const to = q.to ?? new Date().toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days < 1 || days > MAX_OVERVIEW_DAYS) ctx.addIssue({ code: 'custom', message: `The period must run forwards and span at most ${MAX_OVERVIEW_DAYS} days.`, path: ['from'] });
  return { from, to, since: new Date(`${from}T00:00:00Z`), until: new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) };
});
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;
export type TOverviewRange = Pick<TOverviewQuery, 'since' | 'until'>;

const count = z.number().int();

export const ZOverview = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    scans: z.object({
      total: count,
      byBizStep: z.array(z.object({ bizStep: z.string().nullable(), count })),
      byDay: z.array(z.object({ day: z.string(), count })),
    }),
    alerts: z.object({
      total: count.meta({ description: 'Alerts seen in the period.' }),
      open: count.meta({ description: 'Alerts open now, whenever raised.' }),
      byCode: z.array(z.object({ code: z.string(), title: z.string(), count, triggers: count, open: count })),
      bySeverity: z.array(z.object({ severity: z.string(), count })),
      byCountry: z.array(z.object({ country: z.string().nullable().meta({ description: 'Of the organisation that raised it (scanned); null for the periodic checks.' }), count })),
      confirmedFalsifications: count,
    }),
    recalls: z.object({
      open: count,
      openByClass: z.object({ I: count, II: count, III: count }),
      openedInPeriod: count,
      closedInPeriod: count,
    }),
    ledger: z.object({
      lastSeal: z.object({ seq: count, sealedAt: z.string(), periodEnd: z.string(), treeSize: count }).nullable(),
      lastCheckpoint: z.object({ treeSize: count, createdAt: z.string() }).nullable(),
      lastAudit: z.object({ startedAt: z.string(), finishedAt: z.string().nullable(), ok: z.boolean().nullable(), firstFailure: z.string().nullable() }).nullable(),
      unsealedEvents: count.meta({ description: 'Events recorded after the last seal (counted up to 100,000).' }),
    }),
  })
  .meta({ id: 'Overview' });
export type TOverview = z.infer<typeof ZOverview>;
