/**
 * Why a Merkle proof or signed note did not verify. `expected` and
 * `computed` carry the two values that disagreed (hex hashes, sizes), so a
 * person can see which link broke and by how much.
 *
 * - `invalid-argument`: a precondition of the check does not hold (e.g. the
 *   index is not below the tree size, a hash is not 32 bytes).
 * - `wrong-proof-size`: the proof has more or fewer hashes than the tree
 *   shape requires.
 * - `root-mismatch`: the proof was well-formed but leads to another root.
 * - `malformed`: a note, key or checkpoint text breaks its format.
 * - `bad-signature`: a signature by the expected key is absent or invalid.
 */
export type TVerificationFailure = 'invalid-argument' | 'wrong-proof-size' | 'root-mismatch' | 'malformed' | 'bad-signature';

export class VerificationError extends Error {
  readonly kind: TVerificationFailure;
  readonly expected: string | undefined;
  readonly computed: string | undefined;

  constructor(kind: TVerificationFailure, message: string, values?: { expected?: string; computed?: string }) {
    super(message);
    this.name = 'VerificationError';
    this.kind = kind;
    this.expected = values?.expected;
    this.computed = values?.computed;
  }
}

export function isVerificationError(error: unknown): error is VerificationError {
  return error instanceof VerificationError;
}
