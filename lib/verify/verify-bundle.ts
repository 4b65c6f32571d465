import { readBundleFormat } from './bundle-format';
import type { TCheck, TVerifyOptions, TVerifyResult } from './bundle-types';
import { fail, pass } from './check-result';
import { checkAnchorLogInclusion, checkCheckpointRoot, checkCheckpointSignature, checkKeyTrust, readCheckpoint } from './log-checks';
import { checkAnchorHash, checkEpcInclusion, checkEventLeaf, checkPeriodInclusion, eventLeafHash } from './period-checks';

function formatFailure(detail: string): TVerifyResult {
  return { ok: false, checks: [fail('format', 'The proof is malformed', detail)] };
}

function parseInput(input: unknown): unknown {
  return typeof input === 'string' ? JSON.parse(input) : input;
}

/**
 * Verifies a proof bundle (an object, or its JSON text) from the event up to
 * a checkpoint signed by a trusted key. Every check runs and reports even
 * when an earlier one fails, so a reader sees exactly which link broke; `ok`
 * is true only when all pass. A bundle of the wrong shape gives a single
 * 'format' failure. Never throws.
 */
export function verifyBundle(input: unknown, options: TVerifyOptions = {}): TVerifyResult {
  try {
    const format = readBundleFormat(parseInput(input));
    if ('problem' in format) return formatFailure(format.problem);
    const { bundle } = format;
    const leaf = eventLeafHash(bundle);
    const checkpoint = readCheckpoint(bundle);
    const checks: TCheck[] = [
      pass('format', 'The proof is well-formed (format version 1)'),
      checkEventLeaf(bundle, leaf),
      checkEpcInclusion(bundle),
      checkPeriodInclusion(bundle, leaf),
      checkAnchorHash(bundle),
      checkAnchorLogInclusion(bundle, checkpoint),
      checkCheckpointRoot(bundle, checkpoint),
      checkCheckpointSignature(bundle),
      checkKeyTrust(bundle, options.trustedVerifierKey),
    ];
    return { ok: checks.every((c) => c.ok), checks };
  } catch (error) {
    return formatFailure(error instanceof Error ? error.message : 'the proof could not be read');
  }
}
