import type { TCodeTable } from './types';

/** Public verification and dispensing (lib/verification). */
export const VERIFY_CODES = {
} as const satisfies TCodeTable;
