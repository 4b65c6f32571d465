import type { TCodeTable } from './types';

/**
 * Public verification, dispensing at the counter and saleable-returns
 * checks (lib/verification, docs/verification.md). Refusals of dispensing
 * and undo reuse the custody codes of lib/events (already_dispensed,
 * unknown_serial, batch_mismatch, ...); these are the verification
 * service's own.
 */
export const VERIFY_CODES = {
  /** A product code (GTIN only): a verdict needs the serial (a pack) or the lot (a batch). */
  verify_code_incomplete: { status: 422, title: 'The code names a product, not a pack or a batch' },
  /** A case, pallet, place or other GS1 key: only packs and batches have a public verdict. */
  verify_not_a_pack: { status: 422, title: 'The code names neither a pack nor a batch' },
  /** Neither a code nor separate fields (GTIN with serial or lot) were given. */
  verify_input_missing: { status: 422, title: 'Give the code of a pack or batch' },
  /** The code and the separate fields name different values (e.g. another GTIN). */
  verify_input_conflict: { status: 422, title: 'The code and the separate fields disagree' },
  /** An undo was asked for a pack that is not dispensed. */
  not_dispensed: { status: 409, title: 'The pack is not dispensed, so there is nothing to undo' },
  /** A verification request (GS1 LVM) with a linkType other than gs1:verificationService. */
  lvm_link_type_unsupported: { status: 400, title: 'The link type is not a verification service' },
  /** A verification request (GS1 LVM) with a context this service does not answer. */
  lvm_context_unsupported: { status: 400, title: 'The verification context is not supported' },
  /** reqGLN names another organisation than the caller's. */
  lvm_requester_mismatch: { status: 403, title: 'The requester GLN is not your organisation' },
} as const satisfies TCodeTable;
