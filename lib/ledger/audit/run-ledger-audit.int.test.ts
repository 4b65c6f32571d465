import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '@/lib/db';
import { createTestParty } from '@/lib/events/testing/fixtures';
import { ed25519KeyFromSeed, signCheckpoint } from '@/lib/ledger/checkpoint';
import { formatVerifierKey } from '@/lib/verify';
import { getLedgerSigner } from '../ledger-signer';
import { sealWaiting } from '../seal/seal-waiting';
import { bulkInsertEvents } from '../testing/bulk-insert-events';
import { insertTestEvents, insertTestEventsIn, ledgerTestOrgId, type TTestEvent } from '../testing/insert-test-events';
import { tamper } from '../testing/ledger-rows';
import { runTsChild } from '../testing/run-child';
import { runLedgerAudit } from './run-ledger-audit';

/**
 * Tampering as an attacker holding the database superuser would (triggers
 * disabled), one change at a time, each undone afterwards: the audit must
 * fail and name the damaged event, chunk, anchor or checkpoint every time.
 *
 * The ledger: period #0 (5 events), period #1 (1,503 events in 2 chunks,
 * with a gap in its ids left by a rolled-back capture), period #2 (4
 * events, one naming three packs), and 2 events not sealed yet.
 */
let period1: TTestEvent[];
let period2: TTestEvent[];
let gapId: bigint;

async function ownerQuery<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
  const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
  await owner.connect();
  try {
    return (await owner.query<R>(sql, values)).rows;
  } finally {
    await owner.end();
  }
}

async function firstFailure(options: Parameters<typeof runLedgerAudit>[0] = {}): Promise<string | null> {
  return (await runLedgerAudit({ record: false, ...options })).firstFailure;
}

/** Applies `change`, expects the audit to name `named`, undoes the change, and expects a clean audit again. */
async function expectCaught(change: () => Promise<unknown>, undo: () => Promise<unknown>, named: RegExp | string): Promise<void> {
  await change();
  try {
    const failure = await firstFailure();
    if (typeof named === 'string') expect(failure).toBe(named);
    else expect(failure).toMatch(named);
  } finally {
    await undo();
  }
  expect(await firstFailure()).toBeNull();
}

const subject = (event: TTestEvent) => `event ${event.id} (${event.eventId})`;

beforeAll(async () => {
  await insertTestEvents(5);
  await sealWaiting();
  period1 = await insertTestEvents(2);
  // A capture that rolls back still uses up ids: a gap inside period #1.
  await withTransaction(async (tx) => {
    gapId = (await insertTestEventsIn(tx, 1))[0]!.id;
    throw new Error('rolled back');
  }).catch(() => undefined);
  await bulkInsertEvents(await ledgerTestOrgId(), 1_500);
  period1.push(...(await insertTestEvents(1)));
  await sealWaiting();
  period2 = await insertTestEvents([{ epcs: ['01/09506000134352/21/AUDIT1', '01/09506000134352/21/AUDIT2', '00/106141412345678908'] }, {}, {}, {}]);
  await sealWaiting();
  await insertTestEvents(2);
});

describe('runLedgerAudit on an intact ledger', () => {
  it('passes, counts what it checked, and records the run', async () => {
    const result = await runLedgerAudit();
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary).toMatchObject({ events: 1_514, sealedEvents: 1_512, unsealedEvents: 2, anchors: 3, chunks: 4, checkpoints: 3, periodsCrossChecked: 3, failures: 0 });
    const [run] = await ownerQuery<{ ok: boolean; finished_at: Date | null; first_failure: string | null; summary: { events: number } }>(
      'SELECT ok, finished_at, first_failure, summary FROM audit_runs WHERE id = $1',
      [result.runId],
    );
    expect(run).toMatchObject({ ok: true, first_failure: null, summary: { events: 1_514 } });
    expect(run!.finished_at).not.toBeNull();
  });

  it('runs for a person only when they may audit the ledger (the regulator console)', async () => {
    const regulator = await createTestParty('REGULATOR');
    const pharmacy = await createTestParty('PHARMACY');
    expect((await runLedgerAudit({ actor: regulator.actor, record: false })).ok).toBe(true);
    await expect(runLedgerAudit({ actor: pharmacy.actor, record: false })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runLedgerAudit({ actor: { kind: 'anonymous' }, record: false })).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('runs one audit asked for by a person at a time, refusing another meanwhile without recording it; the operator\'s audit is not limited', async () => {
    const regulator = await createTestParty('REGULATOR');
    const runs = async () => Number((await ownerQuery<{ n: string }>('SELECT count(*) AS n FROM audit_runs'))[0]!.n);
    const before = await runs();
    // Another instance is auditing for someone: it holds the user-audit lock for the length of its snapshot.
    await withTransaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [0x70_61_75_64]);
      await expect(runLedgerAudit({ actor: regulator.actor })).rejects.toMatchObject({ code: 'ledger_audit_running', status: 409 });
      expect(await runs()).toBe(before);
      expect((await runLedgerAudit({ record: false })).ok).toBe(true);
    });
    const after = await runLedgerAudit({ actor: regulator.actor });
    expect(after.ok).toBe(true);
    expect(await runs()).toBe(before + 1);
  });

  it('gives the same verdict reading the tables a few rows at a time', async () => {
    expect(await firstFailure({ batchSize: 7 })).toBeNull();
  });
});

describe('runLedgerAudit catches a superuser who bypassed the triggers', () => {
  it('one byte of a sealed public record changed', async () => {
    const event = period1[0]!;
    await expectCaught(
      () => tamper('events', `UPDATE events SET public_record = replace(public_record, '"OBSERVE"', '"OBSERVF"') WHERE id = $1`, [event.id]),
      () => tamper('events', 'UPDATE events SET public_record = $2 WHERE id = $1', [event.id, event.publicRecord]),
      `${subject(event)}: stored record does not hash to the sealed leaf in period #1`,
    );
  });

  it('a sealed public record rewritten together with its leaf_hash column', async () => {
    const event = period2[1]!;
    const forged = event.publicRecord.replace('"receiving"', '"dispensing"');
    await expectCaught(
      () => tamper('events', `UPDATE events SET public_record = $2, leaf_hash = sha256('\\x00'::bytea || convert_to($2, 'UTF8')) WHERE id = $1`, [event.id, forged]),
      () => tamper('events', 'UPDATE events SET public_record = $2, leaf_hash = $3 WHERE id = $1', [event.id, event.publicRecord, Buffer.from(event.leafHash)]),
      `${subject(event)}: stored record does not hash to the sealed leaf in period #2`,
    );
  });

  it('one byte of a private record changed', async () => {
    const event = period1[1]!;
    const [row] = await ownerQuery<{ private_record: unknown }>('SELECT private_record FROM events WHERE id = $1', [event.id]);
    await expectCaught(
      () => tamper('events', `UPDATE events SET private_record = jsonb_set(private_record, '{bizLocation}', '"urn:epc:id:sgln:9506000.00001.1"') WHERE id = $1`, [event.id]),
      () => tamper('events', 'UPDATE events SET private_record = $2 WHERE id = $1', [event.id, JSON.stringify(row!.private_record)]),
      `${subject(event)}: the stored private record and salt do not hash to the privateDigest of its public record`,
    );
  });

  it('one byte of a salt changed', async () => {
    const event = period2[3]!;
    const flip = `UPDATE events SET salt = set_byte(salt, 15, get_byte(salt, 15) # 128) WHERE id = $1`;
    await expectCaught(() => tamper('events', flip, [event.id]), () => tamper('events', flip, [event.id]), `${subject(event)}: the stored private record and salt do not hash to the privateDigest of its public record`);
  });

  it('a sealed event deleted', async () => {
    const event = period1[1]!;
    const [saved] = await ownerQuery<{ row: unknown }>('SELECT row_to_json(e) AS row FROM events e WHERE id = $1', [event.id]);
    await expectCaught(
      () => tamper('events', 'DELETE FROM events WHERE id = $1', [event.id]),
      () => tamper('events', 'INSERT INTO events SELECT * FROM json_populate_record(NULL::events, $1::json)', [JSON.stringify(saved!.row)]),
      `event ${event.id}: sealed as leaf 1 of period #1 but missing from the events table (deleted)`,
    );
  });

  it('an event inserted into a sealed range (in an id gap)', async () => {
    const source = period1[0]!;
    const forgedId = `ni:///sha-256;${'f0'.repeat(32)}?ver=CBV2.0`;
    await expectCaught(
      () =>
        tamper(
          'events',
          `INSERT INTO events (id, event_id, org_id, event_type, event_time, event_time_zone_offset, record_time, public_record, private_record, salt, leaf_hash)
           SELECT $2, $3, org_id, event_type, event_time, event_time_zone_offset, record_time, public_record, private_record, salt, leaf_hash FROM events WHERE id = $1`,
          [source.id, gapId, forgedId],
        ),
      () => tamper('events', 'DELETE FROM events WHERE id = $1', [gapId]),
      `event ${gapId} (${forgedId}): lies inside the sealed range (before leaf 2 of period #1) but is in no sealed period (inserted after sealing)`,
    );
  });

  it('a pack added to the identifiers of a sealed event', async () => {
    const event = period2[0]!;
    await expectCaught(
      () => tamper('event_epcs', `INSERT INTO event_epcs (epc, event_id, role) VALUES ('01/09506000134352/21/FAKE', $1, 'epc')`, [event.id]),
      () => tamper('event_epcs', `DELETE FROM event_epcs WHERE epc = '01/09506000134352/21/FAKE'`),
      `${subject(event)}: the identifiers stored in event_epcs do not rebuild the record's identifier tree`,
    );
  });

  it('two anchors swapped', async () => {
    const swap = 'UPDATE anchors SET seq = -1 WHERE seq = 1; UPDATE anchors SET seq = 1 WHERE seq = 2; UPDATE anchors SET seq = 2 WHERE seq = -1';
    await expectCaught(() => tamper('anchors', swap), () => tamper('anchors', swap), 'anchor #1: prev_hash does not link to the hash of anchor #0');
  });

  it('a period root rewritten with a consistent anchor hash', async () => {
    const [anchor] = await ownerQuery<{ root: Buffer; hash: Buffer }>('SELECT root, hash FROM anchors WHERE seq = 2');
    await expectCaught(
      async () => {
        await tamper('anchors', `UPDATE anchors SET root = sha256(root) WHERE seq = 2`);
        const { computeAnchorHash } = await import('../anchor-hash');
        const [row] = await ownerQuery<{ period_start: Date; period_end: Date; first_event_id: string; last_event_id: string; tree_size: number; root: Buffer; prev_hash: Buffer }>('SELECT * FROM anchors WHERE seq = 2');
        const hash = computeAnchorHash({ seq: 2, periodStart: row!.period_start, periodEnd: row!.period_end, firstEventId: BigInt(row!.first_event_id), lastEventId: BigInt(row!.last_event_id), treeSize: row!.tree_size, root: row!.root, prevHash: row!.prev_hash });
        await tamper('anchors', 'UPDATE anchors SET hash = $1 WHERE seq = 2', [Buffer.from(hash)]);
      },
      () => tamper('anchors', 'UPDATE anchors SET root = $1, hash = $2 WHERE seq = 2', [anchor!.root, anchor!.hash]),
      'anchor #2: its root does not match the period tree recomputed from its chunks',
    );
  });

  it('a leaf hash inside a stored chunk changed', async () => {
    const flip = `UPDATE ledger_chunks SET leaf_hashes = set_byte(leaf_hashes, 100, get_byte(leaf_hashes, 100) # 1) WHERE anchor_seq = 1 AND chunk_index = 1`;
    await expectCaught(() => tamper('ledger_chunks', flip), () => tamper('ledger_chunks', flip), 'chunk 1 of period #1: its stored root does not match its leaf hashes');
  });

  it('a checkpoint replaced by a validly formatted note signed by another key', async () => {
    const [stored] = await ownerQuery<{ note: string; root_hash: Buffer }>('SELECT note, root_hash FROM checkpoints WHERE tree_size = 2');
    const signer = await getLedgerSigner();
    const impostor = ed25519KeyFromSeed(new Uint8Array(32).fill(0x66));
    const forgedNote = signCheckpoint(
      { ...impostor, name: signer.name, origin: signer.origin, verifierKey: formatVerifierKey(signer.name, impostor.publicKey) },
      { origin: signer.origin, treeSize: 2, rootHash: stored!.root_hash },
    );
    await expectCaught(
      () => tamper('checkpoints', 'UPDATE checkpoints SET note = $1 WHERE tree_size = 2', [forgedNote]),
      () => tamper('checkpoints', 'UPDATE checkpoints SET note = $1 WHERE tree_size = 2', [stored!.note]),
      /^checkpoint of size 2: its signature does not verify with the published key \(the note has no signature by /,
    );
  });

  it('a checkpoint whose root was changed (note and column)', async () => {
    const [stored] = await ownerQuery<{ note: string; root_hash: Buffer }>('SELECT note, root_hash FROM checkpoints WHERE tree_size = 3');
    const otherRoot = Buffer.alloc(32, 0x5a);
    const forgedNote = stored!.note.replace(stored!.root_hash.toString('base64'), otherRoot.toString('base64'));
    expect(forgedNote).not.toBe(stored!.note);
    await expectCaught(
      () => tamper('checkpoints', 'UPDATE checkpoints SET note = $1, root_hash = $2 WHERE tree_size = 3', [forgedNote, otherRoot]),
      () => tamper('checkpoints', 'UPDATE checkpoints SET note = $1, root_hash = $2 WHERE tree_size = 3', [stored!.note, stored!.root_hash]),
      'checkpoint of size 3: its signature does not verify with the published key (the signature by ' + (await getLedgerSigner()).name + ' does not verify)',
    );
  });

  it('a checkpoint deleted', async () => {
    const [saved] = await ownerQuery<{ row: unknown }>('SELECT row_to_json(c) AS row FROM checkpoints c WHERE tree_size = 2');
    await expectCaught(
      () => tamper('checkpoints', 'DELETE FROM checkpoints WHERE tree_size = 2'),
      () => tamper('checkpoints', 'INSERT INTO checkpoints SELECT * FROM json_populate_record(NULL::checkpoints, $1::json)', [JSON.stringify(saved!.row)]),
      'checkpoint of size 3: comes where the checkpoint of size 2 should (a checkpoint is missing)',
    );
  });

  it('records a failed run in audit_runs, naming the first failure', async () => {
    const event = period1[0]!;
    await tamper('events', `UPDATE events SET public_record = replace(public_record, '"OBSERVE"', '"OBSERVF"') WHERE id = $1`, [event.id]);
    try {
      const result = await runLedgerAudit();
      const [run] = await ownerQuery<{ ok: boolean; first_failure: string; summary: { failures: number } }>('SELECT ok, first_failure, summary FROM audit_runs WHERE id = $1', [result.runId]);
      expect(run).toEqual({ ok: false, first_failure: result.firstFailure, summary: expect.objectContaining({ failures: result.summary.failures }) });
    } finally {
      await tamper('events', 'UPDATE events SET public_record = $2 WHERE id = $1', [event.id, event.publicRecord]);
    }
  });
});

describe('npm run audit (the CLI, in a process of its own)', () => {
  it('exits 0 on an intact ledger and 1 naming the first failure on a damaged one', async () => {
    const clean = runTsChild('scripts/audit.ts');
    const cleanExit = await clean.exited;
    expect([cleanExit.code, clean.lines.map((l) => l.text).join('\n')]).toEqual([0, expect.stringMatching(/^✓ Ledger intact: 1,514 events/)]);

    const event = period2[2]!;
    const flip = `UPDATE events SET salt = set_byte(salt, 0, get_byte(salt, 0) # 1) WHERE id = $1`;
    await tamper('events', flip, [event.id]);
    try {
      const damaged = runTsChild('scripts/audit.ts');
      const exit = await damaged.exited;
      const output = damaged.lines.map((l) => l.text).join('\n');
      expect(exit.code).toBe(1);
      expect(output).toContain('✗ LEDGER DAMAGED: 1 failure');
      expect(output).toContain(`First: ${subject(event)}: the stored private record and salt do not hash to the privateDigest of its public record`);
    } finally {
      await tamper('events', flip, [event.id]);
    }
  });
});
