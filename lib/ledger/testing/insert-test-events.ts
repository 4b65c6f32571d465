import { createHash, randomBytes } from 'node:crypto';
import { getPool, withTransaction, type Queryable } from '@/lib/db';
import { buildEpcTree, fastLeafHash } from '@/lib/ledger/merkle';
import { canonicalJson, utf8 } from '@/lib/verify';
import { enterEventFence } from '../fence';

/**
 * Events recorded straight into the `events` table by the contract the
 * ledger relies on (tests and benchmarks only; the platform records events
 * through lib/events): public_record is the RFC 8785 canonical JSON text of
 * the public record, privateDigest = hex SHA-256(salt || JCS(private_record)),
 * leaf_hash = SHA-256(0x00 || public_record), event_epcs holds the keys the
 * record's `epcs` tree is built from, and the inserting transaction enters
 * the seal fence first.
 */
export type TTestEventInput = {
  /** Identifier keys the event names (default: one pack of its own). */
  epcs?: string[];
  bizStep?: string;
  privateRecord?: Record<string, unknown>;
};

export type TTestEvent = { id: bigint; eventId: string; digest: string; publicRecord: string; leafHash: Uint8Array; epcs: string[]; recordTime: Date };

const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

let counter = 0;

/** A pack key of its own for each test event (GTIN 09506000134352, random serial). */
export function testPackKey(): string {
  return `01/09506000134352/21/T${randomBytes(5).toString('hex').toUpperCase()}${(counter++).toString(36).toUpperCase()}`;
}

type TPrepared = Omit<TTestEvent, 'id'> & { privateRecord: Record<string, unknown>; salt: Buffer; bizStep: string };

function prepare(input: TTestEventInput, orgId: string, recordTime: Date): TPrepared {
  const epcs = input.epcs ?? [testPackKey()];
  const bizStep = input.bizStep ?? 'receiving';
  const digest = sha256Hex(randomBytes(32));
  const eventId = `ni:///sha-256;${digest}?ver=CBV2.0`;
  const privateRecord = input.privateRecord ?? { bizLocation: 'urn:epc:id:sgln:9506000.00001.0', recordedBy: orgId };
  const salt = randomBytes(16);
  const privateDigest = sha256Hex(Buffer.concat([salt, Buffer.from(utf8(canonicalJson(privateRecord)))]));
  const publicRecord = canonicalJson({
    eventId,
    eventType: 'ObjectEvent',
    eventTime: recordTime.toISOString(),
    eventTimeZoneOffset: '+00:00',
    recordTime: recordTime.toISOString(),
    action: 'OBSERVE',
    bizStep,
    epcs: buildEpcTree(epcs).summary,
    privateDigest,
  });
  return { eventId, digest, publicRecord, leafHash: fastLeafHash(utf8(publicRecord)), epcs, recordTime, privateRecord, salt, bizStep };
}

let testOrgId: string | undefined;

/** An organisation for test events, created once per database. */
export async function ledgerTestOrgId(): Promise<string> {
  if (testOrgId) return testOrgId;
  const gln = String(Date.now() * 1000 + Math.floor(Math.random() * 1000)).slice(-13).padStart(13, '4');
  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO organisations (name, role, gln, country) VALUES ('Ledger test manufacturer', 'MANUFACTURER', $1, 'DE') RETURNING id`,
    [gln],
  );
  testOrgId = rows[0]!.id;
  return testOrgId;
}

/** Records `inputs` (a count, or one input per event) in one transaction, as one capture would. */
export async function insertTestEvents(inputs: number | TTestEventInput[]): Promise<TTestEvent[]> {
  const org = await ledgerTestOrgId();
  return withTransaction((tx) => insertTestEventsIn(tx, inputs, org));
}

/** The same inside a transaction the caller holds (and commits, or not, when it likes). */
export async function insertTestEventsIn(tx: Queryable, inputs: number | TTestEventInput[], org?: string): Promise<TTestEvent[]> {
  const list = typeof inputs === 'number' ? Array.from({ length: inputs }, () => ({})) : inputs;
  const orgId = org ?? (await ledgerTestOrgId());
  await enterEventFence(tx);
  const { rows: clock } = await tx.query<{ now: Date }>('SELECT now() AS now');
  const events: TTestEvent[] = [];
  for (const event of list.map((input) => prepare(input, orgId, clock[0]!.now))) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO events (event_id, org_id, event_type, action, biz_step, event_time, event_time_zone_offset, record_time,
                           public_record, private_record, salt, leaf_hash)
       VALUES ($1, $2, 'ObjectEvent', 'OBSERVE', $3, $4, '+00:00', $4, $5, $6, $7, $8) RETURNING id`,
      [event.eventId, orgId, event.bizStep, event.recordTime, event.publicRecord, JSON.stringify(event.privateRecord), event.salt, Buffer.from(event.leafHash)],
    );
    const id = BigInt(rows[0]!.id);
    await tx.query(`INSERT INTO event_epcs (epc, event_id, role) SELECT unnest($1::text[]), $2, 'epc'`, [event.epcs, id.toString()]);
    events.push({ id, eventId: event.eventId, digest: event.digest, publicRecord: event.publicRecord, leafHash: event.leafHash, epcs: event.epcs, recordTime: event.recordTime });
  }
  return events;
}
