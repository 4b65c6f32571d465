import type { TCodeTable } from './types';

/** Recalls, alerts, webhooks (lib/alerts). */
export const ALERTS_CODES = {
} as const satisfies TCodeTable;
