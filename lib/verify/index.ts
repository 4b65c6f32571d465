/**
 * The public verifier: pure functions over Uint8Array, @noble/hashes and
 * @noble/curves only, so the same code checks proofs in a browser, in Node
 * and in the CLI.
 */
export { anchorHash, anchorHashHex, anchorHashInput, anchorRecordProblem, GENESIS_PREV_HASH, type TAnchor, type TAnchorRecord } from './anchor-hash';
export { fromBase64, toBase64 } from './base64';
export type { TBundleCheckId, TCheck, TEventRecord, TProofBundle, TVerifyOptions, TVerifyResult } from './bundle-types';
export { bytesEqual, concatBytes, fromHex, isHexOfLength, toHex, utf8 } from './bytes';
export { formatCheckpointBody, openCheckpoint, parseCheckpointBody, parseUnverifiedCheckpoint, type TCheckpoint } from './checkpoint';
export { consistencyProofSize, verifyConsistency } from './consistency';
export { emptyRoot, HASH_SIZE, leafHash, nodeHash, sha256 } from './hash';
export { inclusionProofSize, rootFromInclusionProof, verifyInclusion } from './inclusion';
export { canonicalJson, canonicalJsonBytes, CanonicalJsonError } from './jcs';
export { ED25519_SIGNATURE_TYPE, formatVerifierKey, isValidKeyName, noteKeyId, parseVerifierKey, type TNoteVerifierKey } from './note-key';
export { parseSignedNote, verifySignedNote, type TNoteSignature, type TSignedNote } from './signed-note';
export { isVerificationError, VerificationError, type TVerificationFailure } from './verification-error';
export { verifyBundle } from './verify-bundle';
export { verifyConsistencyBetweenCheckpoints, type TConsistencyCheckId, type TConsistencyResult } from './verify-checkpoint-consistency';
