/**
 * A sealer in a process of its own, for tests of sealers racing across
 * processes and of a sealer killed mid-seal. Run with tsx; DATABASE_URL and
 * DATA_DIR come from the environment. Prints one JSON line per event:
 *   {"stage":"chunks-stored"}            as the seal passes each stage
 *   {"status":"sealed","seq":3,...}      each seal's outcome
 * Options: --rounds N (seal attempts, default 1), --max-events M,
 * --hold-at <stage> (stop there, transaction open, until killed).
 */
import { disconnectDb } from '@/lib/db';
import { sealPeriod, type TSealStage } from '../seal/seal-period';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const rounds = Number(option('--rounds') ?? 1);
const maxEvents = option('--max-events') ? Number(option('--max-events')) : undefined;
const holdAt = option('--hold-at') as TSealStage | undefined;
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function onStage(stage: TSealStage): Promise<void> {
  print({ stage });
  if (stage === holdAt) await new Promise(() => undefined);
}

async function main(): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    const result = await sealPeriod({ wait: true, maxEvents, onStage });
    if (result.status === 'sealed') print({ status: 'sealed', seq: result.anchor.seq, size: result.anchor.treeSize });
    else print({ status: result.status });
  }
  await disconnectDb();
}

main().catch((error: unknown) => {
  print({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
