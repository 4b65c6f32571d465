/**
 * lib/ledger, server side: sealing events into periods, the anchor chain and
 * its signed checkpoints, proof bundles and the audit (docs/decisions/035-039).
 * The Merkle and checkpoint core is in ./merkle and ./checkpoint; the pure
 * verifier that checks what this produces is lib/verify.
 *
 *   sealPeriod(options?): Promise<TSealResult>        seal the next period now (one transaction, under the seal lock)
 *   sealWaiting(options?): Promise<TSealed[]>         seal everything recorded so far (npm run seal)
 *   startSealer(): TSealer                            the background sealer (instrumentation.ts)
 *   buildProofBundle(eventId, { epc? }): Promise<TProofAnswer>   a proof bundle, or the pending state
 *   readCheckpointNote(): Promise<string>             the latest signed checkpoint
 *   describeLedgerKey(): Promise<TLedgerKey>          the verifier key readers pin
 *   readConsistencyProof(from, to)                    RFC 9162 consistency proof between anchor-log sizes
 *   listAnchors(query): Promise<TAnchorPage>          the anchor chain, paged
 *   runLedgerAudit(options?): Promise<TLedgerAuditResult>   recompute and check everything (npm run audit)
 */
export { sealPeriod, type TSealed, type TSealOptions, type TSealResult, type TSealStage } from './seal/seal-period';
export { sealWaiting, type TSealWaitingOptions } from './seal/seal-waiting';
export { startSealer, SEALER_TICK_MS, type TSealer } from './seal/run-sealer';
export { sealDueAt, sealPolicyFromEnv, type TSealPolicy, type TSealState } from './seal/seal-policy';
export { buildProofBundle, type TProofAnswer, type TProofOptions } from './proofs/build-proof-bundle';
export type { TPendingProof } from './proofs/pending-proof';
export { readCheckpointNote } from './log/read-checkpoint-note';
export { describeLedgerKey, type TLedgerKey } from './log/describe-ledger-key';
export { readConsistencyProof, type TConsistencyProof } from './log/read-consistency-proof';
export { listAnchors, MAX_ANCHORS_PER_PAGE, type TAnchorPage, type TAnchorPageQuery } from './log/list-anchors';
export { runLedgerAudit } from './audit/run-ledger-audit';
export { describeFailure, type TAuditFailure, type TAuditOptions, type TAuditProgress, type TAuditSummary, type TLedgerAuditResult } from './audit/audit-types';
