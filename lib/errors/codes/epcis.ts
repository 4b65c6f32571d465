import type { TCodeTable } from './types';

/** EPCIS 2.0 capture and query (lib/epcis). */
export const EPCIS_CODES = {
} as const satisfies TCodeTable;
