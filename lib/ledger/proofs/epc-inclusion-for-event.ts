import type { Queryable } from '@/lib/db';
import { requireDatabaseUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { buildEpcTree, epcInclusion, type TEpcTree } from '@/lib/ledger/merkle';
import type { TProofBundle } from '@/lib/verify';
import type { TProofEvent } from './read-event-for-proof';

/**
 * Identifier trees of recently proven events. A commissioning event can
 * name 100,000 packs, whose tree costs about 200,000 hashes and a 3 MB read;
 * the packs of one batch are then looked up one after another, so the tree
 * is kept. Trees never change (event_epcs is append-only and written with
 * the event); the cache is bounded by the keys it holds.
 */
const MAX_CACHED_KEYS = 1_000_000;
const cache = new Map<string, TEpcTree>();
let cachedKeys = 0;

function remember(cacheKey: string, tree: TEpcTree): void {
  cache.set(cacheKey, tree);
  cachedKeys += tree.keys.length;
  for (const [key, old] of cache) {
    if (cachedKeys <= MAX_CACHED_KEYS || key === cacheKey) break;
    cache.delete(key);
    cachedKeys -= old.keys.length;
  }
}

async function epcTree(db: Queryable, event: TProofEvent): Promise<TEpcTree> {
  const cacheKey = `${requireDatabaseUrl()}#${event.id}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const { rows } = await db.query<{ epc: string }>('SELECT DISTINCT epc FROM event_epcs WHERE event_id = $1', [event.id.toString()]);
  const tree = buildEpcTree(rows.map((row) => row.epc));
  const stated = event.record.epcs;
  // The tree is rebuilt from event_epcs; it must be the one the sealed record commits to.
  if (tree.summary.count !== stated.count || tree.summary.root !== stated.root) {
    throw new AppError('ledger_integrity_failure', `The identifiers stored for event ${event.eventId} do not match the identifier tree in its record.`);
  }
  remember(cacheKey, tree);
  return tree;
}

/**
 * The bundle's `epc` member: proof that the event names the pack or case
 * `key` (a canonical identifier key). A key the event does not name is a
 * 404 with a plain reason; the check is one index lookup, before any tree.
 */
export async function epcInclusionForEvent(db: Queryable, event: TProofEvent, key: string): Promise<NonNullable<TProofBundle['epc']>> {
  const { rowCount } = await db.query('SELECT 1 FROM event_epcs WHERE epc = $1 AND event_id = $2 LIMIT 1', [key, event.id.toString()]);
  if (!rowCount) throw new AppError('ledger_epc_not_in_event', `Event ${event.eventId} does not name ${key}.`, { extra: { epc: key } });
  const inclusion = epcInclusion(await epcTree(db, event), key);
  if (!inclusion) throw new AppError('ledger_integrity_failure', `${key} is stored for event ${event.eventId} but missing from its identifier tree.`);
  return inclusion;
}
