/**
 * lib/verification: the public verdict on a pack or batch, dispensing at the
 * pharmacy counter and its undo, stock checks, and the GS1 LVM
 * saleable-returns check (docs/verification.md, docs/decisions/060-064).
 *
 * PUBLIC (no account; the caller applies assertVerifyRate(ip) first)
 *
 *   verifyCode(input: TVerifyInput, { channel, now? }): Promise<TVerdict>
 *       input: { code?, gtin?, lot?, serial?, expiry? } in any GS1 form;
 *       AUTHENTIC, DISPENSED, RECALLED, EXPIRED, STOLEN, DESTROYED,
 *       MISMATCH or UNKNOWN, with the journey from public records (packs)
 *       or counts and commissioning events (batches). Counted in the lookup
 *       statistics (recordLookup, flushed every 2 s, no caller identity).
 *   readVerifyInput(input, { separators?, today? }): TVerifyTarget    pure; runs in the browser too
 *   assertVerifyRate(ip: string | null): void                        429 rate_limited past the client's bucket
 *   listPublicProducts(): Promise<TPublicProductChoice[]>            the page's product list
 *   checkStepProof(bundle, expected, trustedVerifierKey): TStepProof  pure; the browser's proof of one step
 *
 * THE COUNTER (an organisation actor; each call checks its permission)
 *
 *   dispensePack(actor, { code, separator? }, { idempotency? }): Promise<TDispenseAnswer>   permission dispense
 *   undoDispense(actor, { code, separator? }, { idempotency? }): Promise<TUndoAnswer>      permission dispense
 *   checkPack(actor, { code, separator? }): Promise<TCheckAnswer>                          permission verify:stock
 *   verifySaleableReturn(actor, TLvmRequest): Promise<TLvmResponse>                        permission verify:stock
 *
 * Refusals of dispensing and undo keep lib/events' reason codes
 * (already_dispensed, unknown_serial, batch_mismatch, pack_expired,
 * pack_recalled, pack_stolen, pack_destroyed, not_custodian, in_transit,
 * undo_not_allowed) with `extra.verdict` and `extra.pack`.
 */
export { verifyCode } from './verify-code';
export { readVerifyInput } from './read-verify-input';
export { assertVerifyRate, TokenBuckets, VERIFY_RATE } from './rate-limit';
export { flushLookups, recordLookup, type TLookup } from './lookup-log';
export { listPublicProducts, type TPublicProductChoice } from './list-public-products';
export { checkStepProof, type TExpectedStep, type TStepProof } from './proof/check-step-proof';
export { dispensePack, type TCounterRequest, type TDispenseAnswer } from './dispense-pack';
export { undoDispense, type TUndoAnswer } from './undo-dispense';
export { checkPack, type TCheckAnswer } from './check-pack';
export { verifySaleableReturn, type TLvmRequest } from './verify-saleable-return';
export type { TLvmResponse } from './lvm-answer';
export { GS_SUBSTITUTES, type TGsSubstitute } from './read-counter-code';
export type { TBatchVerdict, TJourneyStep, TPackVerdict, TVerdict, TVerdictWord, TVerifyInput } from './types';
