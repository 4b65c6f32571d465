import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { runLedgerAudit } from '../audit/run-ledger-audit';
import { bulkInsertEvents } from '../testing/bulk-insert-events';
import { insertTestEvents, ledgerTestOrgId } from '../testing/insert-test-events';
import { allEventIds, ledgerCounts, sealedEventIds } from '../testing/ledger-rows';
import { runTsChild } from '../testing/run-child';
import { sealWaiting } from './seal-waiting';

const SEALER = 'lib/ledger/testing/seal-child.ts';
const LARGE_PERIOD = 150_000;

/** The killed sealer's backend is gone once no session holds the seal lock any more. */
async function sealLockReleased(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1`, [0x5054_4c53]);
    if (rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the seal lock was never released');
}

async function expectRecoveredLedger(): Promise<void> {
  await sealWaiting({ maxEvents: LARGE_PERIOD });
  const sealed = await sealedEventIds();
  expect(new Set(sealed).size).toBe(sealed.length);
  expect(sealed).toEqual(await allEventIds());
  const audit = await runLedgerAudit({ record: false });
  expect(audit.firstFailure).toBeNull();
}

describe('a sealer process killed with SIGKILL while sealing a large period', () => {
  it('leaves no trace of the period it was writing, and the next seal takes the same events', async () => {
    await insertTestEvents(2);
    await sealWaiting();
    await bulkInsertEvents(await ledgerTestOrgId(), LARGE_PERIOD);
    const before = await ledgerCounts();

    // The child stops inside its transaction once the period's 147 chunks (6 MB) are written, and is killed there.
    const child = runTsChild(SEALER, ['--hold-at', 'chunks-stored', '--max-events', String(LARGE_PERIOD)]);
    await child.waitFor((line) => line.stage === 'chunks-stored');
    const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted`, [0x5054_4c53]);
    expect(rows[0]!.n).toBe(1);
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    await sealLockReleased();

    expect(await ledgerCounts()).toEqual(before);
    await expectRecoveredLedger();
    expect((await ledgerCounts()).anchors).toBe(before.anchors + 1);
  }, 180_000);

  it('whatever instant the kill lands on, the period is sealed once or not at all', async () => {
    await bulkInsertEvents(await ledgerTestOrgId(), LARGE_PERIOD / 2);
    const before = await ledgerCounts();
    const child = runTsChild(SEALER, ['--max-events', String(LARGE_PERIOD)]);
    // Killed while it stores the chunks it has just built, without stopping it first.
    await child.waitFor((line) => line.stage === 'tree-built');
    child.process.kill('SIGKILL');
    await child.exited;
    await sealLockReleased();
    const after = await ledgerCounts();
    expect([before.anchors, before.anchors + 1]).toContain(after.anchors);
    expect(after.checkpoints - before.checkpoints).toBe(after.anchors - before.anchors);
    await expectRecoveredLedger();
  }, 180_000);
});
