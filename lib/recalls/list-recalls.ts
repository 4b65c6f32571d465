import type { TActor } from '@/lib/auth/actor';
import { assertCan, can } from '@/lib/auth/permissions';
import { isUuid } from '@/lib/auth/uuid';
import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadRecallRow, recallView, seesWhole, SELECT_RECALLS, type TRecallRow } from './recall-view';
import type { TRecallDetail, TRecallQuery, TRecallView } from './schemas';

/**
 * Recalls, newest first, a page at a time. Every organisation sees every
 * recall (they are public safety notices); `affectsYou` says whether it
 * holds or receives packs of it.
 */
export async function listRecalls(actor: TActor, query: TRecallQuery): Promise<{ items: TRecallView[]; nextBefore: string | null }> {
  assertCan(actor, 'catalog:read');
  const before = query.before === undefined ? null : readCursor(query.before);
  const { rows } = await getPool().query<TRecallRow>(
    `${SELECT_RECALLS}
      WHERE ($2::recall_status IS NULL OR r.status = $2) AND ($3::uuid IS NULL OR r.batch_id = $3)
        AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4, $5::uuid))
      ORDER BY r.created_at DESC, r.id DESC LIMIT $6`,
    [actor.orgId, query.status ?? null, query.batchId ?? null, before?.at ?? null, before?.id ?? null, query.limit + 1],
  );
  const viewer = { orgId: actor.orgId, all: can(actor, 'network:read') };
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => recallView(row, viewer)),
    nextBefore: rows.length > query.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

/** One recall, with how many of its packs are in which state: all of them for the manufacturer, the regulator and the opener, one's own for others. */
export async function getRecall(actor: TActor, id: string): Promise<TRecallDetail> {
  assertCan(actor, 'catalog:read');
  if (!isUuid(id)) throw new AppError('recall_not_found');
  const row = await loadRecallRow(getPool(), id, actor.orgId);
  if (!row) throw new AppError('recall_not_found');
  const viewer = { orgId: actor.orgId, all: can(actor, 'network:read') };
  const own = seesWhole(row, viewer) ? null : actor.orgId;
  const { rows } = await getPool().query<{ status: string; n: number; held: number; incoming: number }>(
    `SELECT status, count(*)::int AS n,
            count(*) FILTER (WHERE custodian_org_id = $3)::int AS held, count(*) FILTER (WHERE in_transit_to_id = $3)::int AS incoming
       FROM packs WHERE batch_id = $1 AND recall_id = $2 AND ($4::uuid IS NULL OR custodian_org_id = $4 OR in_transit_to_id = $4 OR dispensed_by_id = $4)
      GROUP BY status`,
    [row.batch_id, id, actor.orgId, own],
  );
  const packs = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  const recalled = rows.find((r) => r.status === 'RECALLED');
  return { ...recallView(row, viewer), packs, yourStock: { held: recalled?.held ?? 0, incoming: recalled?.incoming ?? 0 } };
}

function readCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !isUuid(id)) throw new AppError('validation_failed', 'The cursor is not one this API gave out.');
  return { at, id };
}
