import type { TCodeTable } from './types';

/** Sealing, proofs and audit (lib/ledger). */
export const LEDGER_CODES = {
  /** A stored chunk of a period tree no longer hashes to its stored root: the data was damaged or altered. */
  ledger_chunk_mismatch: { status: 500, title: 'The stored ledger data failed its integrity check' },
  /** LEDGER_SIGNING_KEY or the key file is not a usable Ed25519 key, or the key file is readable by others. */
  ledger_signing_key_invalid: { status: 500, title: 'The ledger signing key is missing or unusable' },
  /** LEDGER_ORIGIN (or the host of PUBLIC_URL) cannot serve as a checkpoint origin and key name. */
  ledger_origin_invalid: { status: 500, title: 'The ledger origin is not a valid log name' },
} as const satisfies TCodeTable;
