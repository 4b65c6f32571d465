import type { TVerifyResult } from '@/lib/verify';

/** Where the trusted key of a verification came from. */
export type TKeySource = { kind: 'given'; verifierKey: string } | { kind: 'bundle'; verifierKey: string | undefined };

/**
 * The key a bundle carries, for the default mode of `npm run verify`; the
 * verifier itself then reads the bundle properly (this only peeks).
 */
export function bundleVerifierKey(bundle: unknown): string | undefined {
  const logKey = (bundle as { logKey?: { verifierKey?: unknown } } | null)?.logKey;
  return typeof logKey?.verifierKey === 'string' ? logKey.verifierKey : undefined;
}

/** Said loudly before anything else when no key was given: the verdict is then only about internal consistency. */
export function untrustedKeyWarning(verifierKey: string | undefined): string[] {
  return [
    '!! WARNING: no trusted key was given (--key <verifier key>).',
    '!! Checking the signature against the key INSIDE the bundle proves only that the bundle is',
    '!! internally consistent: anyone can make a key and sign a bundle of their own.',
    '!! Compare this key with the one the platform publishes (GET /api/v1/ledger/key, or the key',
    '!! printed on the public verification page) before you trust the verdict:',
    `!!   ${verifierKey ?? '(the bundle carries no readable key)'}`,
    '',
  ];
}

/** One line per check (✓/✗ and its label), with the expected and computed values of a failed one. */
export function formatVerifyReport(result: TVerifyResult, source: TKeySource): string[] {
  const lines: string[] = [];
  for (const check of result.checks) {
    lines.push(`  ${check.ok ? '✓' : '✗'} ${check.label}`);
    if (check.ok) continue;
    if (check.detail) lines.push(`      ${check.detail}`);
    if (check.expected !== undefined) lines.push(`      expected: ${check.expected}`);
    if (check.computed !== undefined) lines.push(`      computed: ${check.computed}`);
  }
  const failed = result.checks.filter((check) => !check.ok).length;
  lines.push('');
  if (!result.ok) lines.push(`NOT VERIFIED: ${failed} of ${result.checks.length} checks failed. Do not rely on this record.`);
  else if (source.kind === 'given') lines.push('VERIFIED: every link holds, up to a checkpoint signed by the key you trust.');
  else lines.push('CONSISTENT: every link holds, but only against the key inside the bundle (see the warning above).');
  return lines;
}
