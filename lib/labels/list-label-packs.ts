import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TLabelBatch } from './pack-label';

/** Labels per printed sheet: 3 x 8 on A4 or US Letter, each large enough for a 2D code a phone reads. */
export const LABELS_PER_SHEET = 24;

export type TLabelSheet = {
  batch: TLabelBatch & { id: string };
  /** The commissioning event whose packs are printed, or null for the whole batch. */
  run: { id: string; recordTime: string; count: number } | null;
  serials: string[];
  /** Packs to print in all (of the run, or of the batch). */
  total: number;
  sheet: number;
  sheets: number;
};

type TBatchRow = { id: string; gtin: string; lot: string; expiry: string; name: string; strength: string; owner_org_id: string };

/**
 * One sheet of pack labels of a batch: its packs in serial order, or only
 * those of one commissioning run (`run`: the event's ledger id), as the
 * packaging line prints them right after commissioning. Serial numbers are
 * the manufacturer's secret until the packs are out (a counterfeiter with
 * the list prints "genuine" codes), so only the manufacturer's own people
 * who commission serials print them; anyone else gets 404 for the batch.
 */
export async function listLabelPacks(actor: TActor, batchId: string, options: { run?: string; sheet?: number } = {}): Promise<TLabelSheet> {
  assertCan(actor, 'serials:commission');
  const batch = await labelBatch(actor.orgId, batchId);
  const run = options.run === undefined ? null : await commissioningRun(actor.orgId, batch, options.run);
  const total = run ? run.count : await countPacks(batch.id);
  const sheets = Math.max(1, Math.ceil(total / LABELS_PER_SHEET));
  const sheet = Math.min(Math.max(1, Math.trunc(options.sheet ?? 1)), sheets);
  const offset = (sheet - 1) * LABELS_PER_SHEET;
  const serials = run ? await runSerials(batch.gtin, run.id, offset) : await batchSerials(batch.id, offset);
  return { batch, run, serials, total, sheet, sheets };
}

async function labelBatch(orgId: string, batchId: string): Promise<TLabelBatch & { id: string }> {
  const notFound = new AppError('batch_not_found', 'No such batch among your products.');
  if (!isUuid(batchId)) throw notFound;
  const { rows } = await getPool().query<TBatchRow>(
    `SELECT b.id, b.gtin, b.lot, to_char(b.expiry, 'YYYY-MM-DD') AS expiry, p.name, p.strength, p.owner_org_id
       FROM batches b JOIN products p ON p.gtin = b.gtin WHERE b.id = $1`,
    [batchId],
  );
  const row = rows[0];
  if (!row || row.owner_org_id !== orgId) throw notFound;
  return { id: row.id, gtin: row.gtin, lot: row.lot, expiry: row.expiry, productName: row.name, strength: row.strength };
}

/** A commissioning event of this organisation for this batch (its public record names the batch). */
async function commissioningRun(orgId: string, batch: TLabelBatch, run: string): Promise<NonNullable<TLabelSheet['run']>> {
  const notFound = new AppError('not_found', 'No such commissioning run of this batch.');
  if (!/^\d{1,18}$/.test(run)) throw notFound;
  const { rows } = await getPool().query<{ id: string; record_time: Date; count: number }>(
    `SELECT e.id::text AS id, e.record_time, (SELECT count(*)::int FROM event_epcs ee WHERE ee.event_id = e.id AND ee.role = 'epc') AS count
       FROM events e
      WHERE e.id = $1::bigint AND e.org_id = $2 AND e.biz_step = 'commissioning'
        AND (e.public_record::jsonb -> 'batch' ->> 'gtin') = $3 AND (e.public_record::jsonb -> 'batch' ->> 'lot') = $4`,
    [run, orgId, batch.gtin, batch.lot],
  );
  const row = rows[0];
  if (!row) throw notFound;
  return { id: row.id, recordTime: row.record_time.toISOString(), count: row.count };
}

async function countPacks(batchId: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM packs WHERE batch_id = $1', [batchId]);
  return rows[0]?.n ?? 0;
}

async function batchSerials(batchId: string, offset: number): Promise<string[]> {
  const { rows } = await getPool().query<{ serial: string }>('SELECT serial FROM packs WHERE batch_id = $1 ORDER BY serial LIMIT $2 OFFSET $3', [batchId, LABELS_PER_SHEET, offset]);
  return rows.map((r) => r.serial);
}

/** The run's packs from its identifiers (keys 01/<gtin>/21/<percent-encoded serial>), in key order. */
async function runSerials(gtin: string, eventId: string, offset: number): Promise<string[]> {
  const { rows } = await getPool().query<{ epc: string }>(
    `SELECT epc FROM event_epcs WHERE event_id = $1::bigint AND role = 'epc' AND epc LIKE $2 ORDER BY epc LIMIT $3 OFFSET $4`,
    [eventId, `01/${gtin}/21/%`, LABELS_PER_SHEET, offset],
  );
  return rows.map((r) => decodeURIComponent(r.epc.slice(`01/${gtin}/21/`.length)));
}
