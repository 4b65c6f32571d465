import { z } from 'zod';

/**
 * Settings of the periodic alert checks, from the environment (validated,
 * read on each run so an operator's change applies at the next one):
 *
 * - SHIPMENT_OVERDUE_DAYS (default 5): goods still in transit this many days
 *   after their shipment was recorded raise shipment_not_received.
 * - ALERT_CHECK_INTERVAL_MINUTES (default 15): how often the checks run.
 */
const ZAlertSettings = z.object({
  SHIPMENT_OVERDUE_DAYS: z.coerce.number().min(0.001).max(365).default(5),
  ALERT_CHECK_INTERVAL_MINUTES: z.coerce.number().min(0.01).max(24 * 60).default(15),
});

export type TAlertSettings = { shipmentOverdueDays: number; checkIntervalMs: number };

export function alertSettings(): TAlertSettings {
  const present = Object.fromEntries(['SHIPMENT_OVERDUE_DAYS', 'ALERT_CHECK_INTERVAL_MINUTES'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const parsed = ZAlertSettings.safeParse(present);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { shipmentOverdueDays: parsed.data.SHIPMENT_OVERDUE_DAYS, checkIntervalMs: parsed.data.ALERT_CHECK_INTERVAL_MINUTES * 60_000 };
}
