/**
 * `npm run seal [-- --watch]`
 *
 * Seals every event recorded so far into the ledger (as several periods if
 * more than SEAL_MAX_EVENTS wait) and prints each sealed period. With
 * --watch, keeps sealing on the server's timer (SEAL_INTERVAL_SECONDS,
 * SEAL_MAX_EVENTS) until Ctrl-C: for deployments whose app instances run
 * with BACKGROUND_JOBS=false. Safe beside running servers and other
 * sealers: exactly one seals each period (docs/decisions/035).
 *
 * Database: DATABASE_URL, or the embedded one under DATA_DIR (joined if the
 * app is running, started otherwise). Exit code 0, or 1 on failure.
 */
import { disconnectDb } from '@/lib/db';
import { describeSealed } from '@/lib/ledger/seal/describe-sealed';
import { openCliDatabase } from '@/lib/db/open-cli-database';
import { startSealer } from '@/lib/ledger/seal/run-sealer';
import { sealWaiting } from '@/lib/ledger/seal/seal-waiting';

const USAGE = 'Usage: npm run seal [-- --watch]';
const args = process.argv.slice(2);
if (args.some((arg) => arg !== '--watch')) {
  console.error(USAGE);
  process.exit(2);
}

async function watch(): Promise<void> {
  const sealer = startSealer({ log: (line) => console.log(line) });
  console.log('Sealing on the timer; Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  // A seal in progress finishes (or rolls back) before the process exits.
  await sealer.stop();
}

async function sealNow(): Promise<void> {
  const sealed = await sealWaiting({ onSealed: (result) => console.log(describeSealed(result)) });
  console.log(sealed.length ? `${sealed.length} period${sealed.length === 1 ? '' : 's'} sealed.` : 'Nothing waits to be sealed.');
}

async function main(): Promise<void> {
  const database = await openCliDatabase((line) => console.log(line));
  try {
    await (args.includes('--watch') ? watch() : sealNow());
  } finally {
    await disconnectDb();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Sealing failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
