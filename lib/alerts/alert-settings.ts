import { parseEnv } from '@/lib/env';

/**
 * Settings of the periodic alert checks (validated in lib/env, read on each
 * run so a change applies at the next one):
 *
 * - SHIPMENT_OVERDUE_DAYS (default 5): goods still in transit this many days
 *   after their shipment was recorded raise shipment_not_received.
 * - ALERT_CHECK_INTERVAL_MINUTES (default 15): how often the checks run.
 */
export type TAlertSettings = { shipmentOverdueDays: number; checkIntervalMs: number };

export function alertSettings(): TAlertSettings {
  const env = parseEnv();
  return { shipmentOverdueDays: env.SHIPMENT_OVERDUE_DAYS, checkIntervalMs: env.ALERT_CHECK_INTERVAL_MINUTES * 60_000 };
}
