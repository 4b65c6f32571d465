import type { TCodeTable } from './types';

/** GS1 identifiers and barcodes (lib/gs1). */
export const GS1_CODES = {
} as const satisfies TCodeTable;
