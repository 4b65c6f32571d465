import type { TCodeTable } from './types';

/** Sealing, proofs and audit (lib/ledger). */
export const LEDGER_CODES = {
  /** A stored chunk of a period tree no longer hashes to its stored root: the data was damaged or altered. */
  ledger_chunk_mismatch: { status: 500, title: 'The stored ledger data failed its integrity check' },
  /** LEDGER_SIGNING_KEY or the key file is not a usable Ed25519 key, or the key file is readable by others. */
  ledger_signing_key_invalid: { status: 500, title: 'The ledger signing key is missing or unusable' },
  /** LEDGER_ORIGIN (or the host of PUBLIC_URL) cannot serve as a checkpoint origin and key name. */
  ledger_origin_invalid: { status: 500, title: 'The ledger origin is not a valid log name' },
  /** No period has been sealed yet, so there is no checkpoint, anchor or consistency proof to give. */
  ledger_nothing_sealed: { status: 404, title: 'Nothing has been sealed into the ledger yet' },
  /** The event ID is neither a CBV 2.0 event hash ID (ni:///sha-256;<hex>?ver=CBV2.0) nor its 64-digit hex digest. */
  ledger_event_id_invalid: { status: 400, title: 'The event ID is not a CBV 2.0 event hash ID' },
  /** No event with this ID is recorded. */
  ledger_event_not_found: { status: 404, title: 'No event with this ID is recorded' },
  /** The event exists but does not name the pack or case asked about. */
  ledger_epc_not_in_event: { status: 404, title: 'The event does not name this pack or case' },
  /** A consistency proof was asked for between sizes the anchor log does not have (0 < from <= to <= current). */
  ledger_size_out_of_range: { status: 422, title: 'The anchor-log sizes are out of range' },
  /** Stored ledger rows contradict each other (a sealed event missing from its chunk, an identifier tree that does not match its record). */
  ledger_integrity_failure: { status: 500, title: 'The stored ledger data failed its integrity check' },
  /** An audit asked for by a user is already running; one at a time, so that users cannot tie up the database with audits. */
  ledger_audit_running: { status: 409, title: 'A ledger audit is already running' },
  /** The sealer refused to sign: the new anchor-log root does not extend the latest signed checkpoint. */
  ledger_checkpoint_inconsistent: { status: 500, title: 'The ledger refused to sign a checkpoint inconsistent with an earlier one' },
} as const satisfies TCodeTable;
