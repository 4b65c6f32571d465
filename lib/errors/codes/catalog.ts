import type { TCodeTable } from './types';

/** Products, batches, serialization (lib/catalog). */
export const CATALOG_CODES = {
} as const satisfies TCodeTable;
