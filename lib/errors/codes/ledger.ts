import type { TCodeTable } from './types';

/** Sealing, proofs and audit (lib/ledger). */
export const LEDGER_CODES = {
} as const satisfies TCodeTable;
