/**
 * `npm run verify -- <bundle.json | -> [--key <verifier key>]`
 *
 * Checks a proof bundle (docs/ledger/proof-bundle.md) offline with the same
 * verifier the public page runs (lib/verify), printing every check. Exit
 * code 0 only when every link holds; 1 when one does not; 2 when the
 * bundle cannot be read or the command is misused.
 *
 * --key is the verifier key you trust (as published by the platform:
 * GET /api/v1/ledger/key). Without it the key inside the bundle is used,
 * with a warning: that proves internal consistency only.
 */
import { readFileSync } from 'node:fs';
import { bundleVerifierKey, formatVerifyReport, untrustedKeyWarning, type TKeySource } from '@/lib/ledger/cli/format-verify-report';
import { verifyBundle } from '@/lib/verify';

const USAGE = 'Usage: npm run verify -- <bundle.json | -> [--key <verifier key>]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseArgs(argv: string[]): { file: string; key: string | undefined } {
  const rest = [...argv];
  let key: string | undefined;
  const keyAt = rest.indexOf('--key');
  if (keyAt >= 0) {
    key = rest[keyAt + 1];
    if (!key || key.startsWith('--')) fail(`--key needs a verifier key.\n${USAGE}`);
    rest.splice(keyAt, 2);
  }
  if (rest.length !== 1 || rest[0]!.startsWith('--')) fail(USAGE);
  return { file: rest[0]!, key };
}

function readBundle(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${file} is not JSON: ${(error as Error).message}`);
  }
}

const { file, key } = parseArgs(process.argv.slice(2));
const bundle = readBundle(file);
const source: TKeySource = key ? { kind: 'given', verifierKey: key } : { kind: 'bundle', verifierKey: bundleVerifierKey(bundle) };
if (source.kind === 'bundle') console.log(untrustedKeyWarning(source.verifierKey).join('\n'));
const result = verifyBundle(bundle, { trustedVerifierKey: source.verifierKey });
const eventId = (bundle as { event?: { eventId?: unknown } } | null)?.event?.eventId;
console.log(`Proof bundle ${file}${typeof eventId === 'string' ? ` (event ${eventId})` : ''}`);
console.log(formatVerifyReport(result, source).join('\n'));
process.exit(result.ok ? 0 : 1);
