/**
 * `npm run audit [-- --key <verifier key>]... [--cross-check-max <events>]`
 *
 * Recomputes the ledger from what is stored (docs/decisions/037): every
 * event's leaf and private digest, every chunk and period root, the anchor
 * chain, the anchor log and every checkpoint signature. Prints a summary
 * and exits 0 when all holds, 1 naming the first broken event, anchor or
 * checkpoint, 2 when the audit cannot run. Each run is recorded in
 * audit_runs.
 *
 * --key: the verifier key(s) whose signatures count: the key published to
 * readers (and, after a key rotation, the earlier ones). Default: the key
 * this installation signs with. --cross-check-max: periods of up to this
 * many events are also recomputed with merkletreejs (default 100,000).
 */
import { disconnectDb } from '@/lib/db';
import { runLedgerAudit } from '@/lib/ledger/audit/run-ledger-audit';
import type { TAuditProgress } from '@/lib/ledger/audit/audit-types';
import { formatAuditReport } from '@/lib/ledger/cli/format-audit-report';
import { openCliDatabase } from '@/lib/db/open-cli-database';

const USAGE = 'Usage: npm run audit [-- --key <verifier key>]... [--cross-check-max <events>]';

function parseArgs(argv: string[]): { keys: string[]; crossCheckMax: number | undefined } {
  const keys: string[] = [];
  let crossCheckMax: number | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--key' && value) keys.push(value);
    else if (flag === '--cross-check-max' && value && /^\d+$/.test(value)) crossCheckMax = Number(value);
    else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  return { keys, crossCheckMax };
}

/** A progress line on stderr at most every two seconds, so long audits show they are moving. */
function progressPrinter(): (progress: TAuditProgress) => void {
  let last = performance.now();
  return ({ phase, done, total }) => {
    if (performance.now() - last < 2_000) return;
    last = performance.now();
    const share = total > 0 ? ` (${Math.floor((100 * done) / total)}%)` : '';
    console.error(`  ${phase}: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}${share}`);
  };
}

async function main(): Promise<number> {
  const { keys, crossCheckMax } = parseArgs(process.argv.slice(2));
  const database = await openCliDatabase((line) => console.error(line));
  try {
    console.error('Auditing the ledger ...');
    const result = await runLedgerAudit({ trustedKeys: keys.length ? keys : undefined, crossCheckMaxLeaves: crossCheckMax, onProgress: progressPrinter() });
    console.log(formatAuditReport(result).join('\n'));
    return result.ok ? 0 : 1;
  } finally {
    await disconnectDb();
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The audit could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
