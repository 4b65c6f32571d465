import { describe, expect, it } from 'vitest';
import { getPool, withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { buildPeriodTree, fastLeafHash, MerkleLog } from '@/lib/ledger/merkle';
import { GENESIS_PREV_HASH, openCheckpoint, toHex, utf8 } from '@/lib/verify';
import { computeAnchorHash } from '../anchor-hash';
import { anchorFromDb, ANCHOR_COLUMNS, type TAnchorDbRow, type TStoredAnchor } from '../anchor-rows';
import { runLedgerAudit } from '../audit/run-ledger-audit';
import { getLedgerSigner } from '../ledger-signer';
import { bulkInsertEvents } from '../testing/bulk-insert-events';
import { insertTestEvents, insertTestEventsIn, ledgerTestOrgId } from '../testing/insert-test-events';
import { allEventIds, ledgerCounts, sealedEventIds, tamper } from '../testing/ledger-rows';
import { runTsChild } from '../testing/run-child';
import { sealPeriod, type TSealStage } from './seal-period';
import { sealWaiting } from './seal-waiting';

async function anchors(): Promise<TStoredAnchor[]> {
  const { rows } = await getPool().query<TAnchorDbRow>(`SELECT ${ANCHOR_COLUMNS} FROM anchors ORDER BY seq`);
  return rows.map(anchorFromDb);
}

/** Every event sealed exactly once, in id order, and nothing sealed that is not an event. */
async function expectEverythingSealedOnce(): Promise<void> {
  const sealed = await sealedEventIds();
  expect(new Set(sealed).size).toBe(sealed.length);
  expect(sealed).toEqual(await allEventIds());
}

async function expectAuditOk(): Promise<void> {
  const audit = await runLedgerAudit({ record: false });
  expect(audit.firstFailure).toBeNull();
  expect(audit.ok).toBe(true);
}

describe('sealPeriod', () => {
  it('seals the waiting events as one period: chunks of 1024 with their roots, an anchor chained from genesis, a signed checkpoint', async () => {
    const first = await insertTestEvents(3);
    await bulkInsertEvents(await ledgerTestOrgId(), 2_100);
    const result = await sealPeriod();
    expect(result.status).toBe('sealed');

    const [anchor] = await anchors();
    const { rows: events } = await getPool().query<{ public_record: string; record_time: Date }>('SELECT public_record, record_time FROM events ORDER BY events.id');
    const leaves = events.map((e) => fastLeafHash(utf8(e.public_record)));
    expect(anchor).toMatchObject({ seq: 0, treeSize: 2_103, firstEventId: first[0]!.id });
    expect(toHex(anchor!.root)).toBe(toHex(buildPeriodTree(leaves).root));
    expect(toHex(anchor!.prevHash)).toBe(GENESIS_PREV_HASH);
    expect(toHex(anchor!.hash)).toBe(toHex(computeAnchorHash(anchor!)));
    const times = events.map((e) => e.record_time.getTime());
    expect([anchor!.periodStart.getTime(), anchor!.periodEnd.getTime()]).toEqual([Math.min(...times), Math.max(...times)]);

    const { rows: chunks } = await getPool().query<{ chunk_index: number; leaf_hashes: Buffer; root: Buffer }>(
      'SELECT chunk_index, leaf_hashes, root FROM ledger_chunks WHERE anchor_seq = 0 ORDER BY chunk_index',
    );
    expect(chunks.map((c) => c.leaf_hashes.length / 32)).toEqual([1024, 1024, 55]);
    for (const chunk of chunks) expect(toHex(chunk.root)).toBe(toHex(buildPeriodTree(new Uint8Array(chunk.leaf_hashes)).root));

    const signer = await getLedgerSigner();
    const { rows: notes } = await getPool().query<{ note: string }>('SELECT note FROM checkpoints');
    const checkpoint = openCheckpoint(notes[0]!.note, signer.verifierKey);
    expect(checkpoint.treeSize).toBe(1);
    expect(toHex(checkpoint.rootHash)).toBe(toHex(new MerkleLog([fastLeafHash(anchor!.hash)]).root()));

    expect((await sealPeriod()).status).toBe('idle');
    expect(await ledgerCounts()).toEqual({ anchors: 1, chunks: 3, checkpoints: 1 });
  });

  it('puts at most maxEvents in a period and seals a backlog as periods that follow each other', async () => {
    const before = (await anchors()).length;
    await bulkInsertEvents(await ledgerTestOrgId(), 2_500);
    const sealed = await sealWaiting({ maxEvents: 1_000 });
    expect(sealed.map((s) => s.anchor.treeSize)).toEqual([1_000, 1_000, 500]);
    const chain = await anchors();
    for (let i = Math.max(before, 1); i < chain.length; i++) {
      expect(toHex(chain[i]!.prevHash)).toBe(toHex(chain[i - 1]!.hash));
      expect(chain[i]!.periodStart).toEqual(chain[i - 1]!.periodEnd);
      expect(chain[i]!.firstEventId).toBe(chain[i - 1]!.lastEventId + 1n);
    }
    await expectEverythingSealedOnce();
  });

  it('keeps sealing past a jump in event ids, and across gaps left by rolled-back captures', async () => {
    const before = await insertTestEvents(3);
    // A capture of 5,000 events that rolled back leaves its ids unused.
    await withTransaction(async (tx) => {
      await tx.query(`SELECT nextval('events_id_seq') FROM generate_series(1, 5000)`);
      throw new Error('rolled back');
    }).catch(() => undefined);
    const after = await insertTestEvents(1_100);
    const sealed = await sealWaiting({ maxEvents: 2_000 });
    // Each period spans at most 2,000 ids from its first waiting event: the jump splits them, nothing is left behind.
    expect(sealed.map((s) => s.anchor.treeSize)).toEqual([3, 1_100]);
    expect([sealed[1]!.anchor.firstEventId, sealed[1]!.anchor.lastEventId]).toEqual([after[0]!.id, after.at(-1)!.id]);
    expect(before[2]!.id + 5_001n).toBe(after[0]!.id);
    await expectEverythingSealedOnce();
  });

  it('waits for an event still being recorded with a lower id, then seals it too (the fence)', async () => {
    const client = await getPool().connect();
    try {
      await client.query('BEGIN');
      const [slow] = await insertTestEventsIn(client, 1);
      const [fast] = await insertTestEvents(1);
      expect(fast!.id).toBeGreaterThan(slow!.id);
      let settled = false;
      const sealing = sealPeriod().finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 400));
      // Sealing up to the fast event now would leave the slow one, committed later, below a sealed range for ever.
      expect(settled).toBe(false);
      await client.query('COMMIT');
      const result = await sealing;
      expect(result.status === 'sealed' && [result.anchor.firstEventId, result.anchor.lastEventId]).toEqual([slow!.id, fast!.id]);
      await expectEverythingSealedOnce();
    } finally {
      client.release();
    }
  });

  it('seals only when due under a policy, decided under the lock', async () => {
    await insertTestEvents(5);
    const policy = { intervalMs: 3_600_000, maxEvents: 6 };
    const early = await sealPeriod({ policy });
    expect(early.status).toBe('not-due');
    await insertTestEvents(1);
    const full = await sealPeriod({ policy });
    expect(full.status === 'sealed' && full.anchor.treeSize).toBe(6);
  });

  it.each<TSealStage>(['leaves-read', 'tree-built', 'chunks-stored', 'anchor-stored', 'checkpoint-signed'])(
    'leaves nothing half-sealed when it fails after %s, and the next seal picks the same events up',
    async (stage) => {
      const events = await insertTestEvents(4);
      const counts = await ledgerCounts();
      const failing = sealPeriod({
        onStage: (reached) => {
          if (reached === stage) throw new Error(`injected failure at ${stage}`);
        },
      });
      await expect(failing).rejects.toThrow(`injected failure at ${stage}`);
      expect(await ledgerCounts()).toEqual(counts);
      // The failed sealer's connection let go of every lock: events can still be recorded, and sealing resumes.
      await insertTestEvents(1);
      const retry = await sealPeriod();
      expect(retry.status === 'sealed' && [retry.anchor.firstEventId, retry.anchor.treeSize]).toEqual([events[0]!.id, 5]);
      await expectEverythingSealedOnce();
    },
  );

  it('refuses to sign a checkpoint that does not extend the latest one, and writes nothing', async () => {
    await insertTestEvents(2);
    await sealWaiting();
    const latest = (await anchors()).at(-1)!;
    // A superuser rewrites the latest anchor's root (and its hash, consistently): the anchor log no longer extends what was signed.
    const forged = { ...latest, root: new Uint8Array(32).fill(9) };
    await tamper('anchors', 'UPDATE anchors SET root = $2, hash = $3 WHERE seq = $1', [latest.seq, Buffer.from(forged.root), Buffer.from(computeAnchorHash(forged))]);
    await insertTestEvents(1);
    const counts = await ledgerCounts();
    const refused = await sealPeriod().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('ledger_checkpoint_inconsistent');
    expect(await ledgerCounts()).toEqual(counts);
    await tamper('anchors', 'UPDATE anchors SET root = $2, hash = $3 WHERE seq = $1', [latest.seq, Buffer.from(latest.root), Buffer.from(latest.hash)]);
    expect((await sealPeriod()).status).toBe('sealed');
    await expectAuditOk();
  });
});

describe('sealers racing', () => {
  it('seal every event exactly once, with no duplicate or skipped period, while events keep arriving', async () => {
    const org = await ledgerTestOrgId();
    let recording = true;
    const recorder = (async () => {
      for (let i = 0; recording; i++) await (i % 3 ? insertTestEvents(3) : bulkInsertEvents(org, 700));
    })();
    const children = [runTsChild('lib/ledger/testing/seal-child.ts', ['--rounds', '15', '--max-events', '500']), runTsChild('lib/ledger/testing/seal-child.ts', ['--rounds', '15', '--max-events', '500'])];
    const inProcess = Array.from({ length: 4 }, async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < 15; round++) outcomes.push((await sealPeriod({ maxEvents: 500, wait: round % 2 === 0 })).status);
      return outcomes;
    });
    const outcomes = (await Promise.all(inProcess)).flat();
    const exits = await Promise.all(children.map((child) => child.exited));
    recording = false;
    await recorder;
    expect(exits.map((exit) => [exit.code, exit.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const childSeals = children.flatMap((child) => child.lines).filter((line) => line.status === 'sealed').length;
    expect(outcomes.filter((o) => o === 'sealed').length + childSeals).toBeGreaterThan(4);
    await sealWaiting();

    const chain = await anchors();
    expect(chain.map((a) => a.seq)).toEqual(chain.map((_, i) => i));
    const { rows } = await getPool().query<{ tree_size: number }>('SELECT tree_size FROM checkpoints ORDER BY tree_size');
    expect(rows.map((r) => r.tree_size)).toEqual(chain.map((_, i) => i + 1));
    await expectEverythingSealedOnce();
    await expectAuditOk();
  });
});
