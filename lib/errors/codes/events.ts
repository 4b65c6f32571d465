import type { TCodeTable } from './types';

/** Scan events and the custody state machine (lib/events). */
export const EVENTS_CODES = {
} as const satisfies TCodeTable;
