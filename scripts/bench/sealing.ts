import { hash } from 'node:crypto';
import { getPool } from '@/lib/db';
import { sealPeriod, type TSealStage } from '@/lib/ledger';

/**
 * Sealing N waiting events as ONE period (sealPeriod, as the sealer runs
 * it: read the stored leaf hashes, build the tree, store chunks, anchor
 * and a signed checkpoint) against its budget's baseline: 2 x N one-shot
 * node:crypto SHA-256 hashes of 65 bytes (one leaf and about one node hash
 * per event), taken just before and just after (their mean), so both see
 * the same machine.
 */
export type TSealFigure = { events: number; ms: number; baselineMs: number; ratio: number; stages: Record<string, number> };

function hashBaselineMs(events: number): number {
  const node = new Uint8Array(65);
  const start = performance.now();
  for (let i = 0; i < 2 * events; i++) hash('sha256', node, 'buffer');
  return performance.now() - start;
}

export async function sealAgainstHashes(events: number): Promise<TSealFigure> {
  const before = hashBaselineMs(events);
  const stages: Record<string, number> = {};
  let last = performance.now();
  const onStage = (stage: TSealStage) => {
    stages[stage] = Math.round(performance.now() - last);
    last = performance.now();
  };
  const start = performance.now();
  const sealed = await sealPeriod({ maxEvents: events, wait: true, onStage });
  const ms = performance.now() - start;
  stages.commit = Math.round(performance.now() - last);
  if (sealed.status !== 'sealed') throw new Error(`nothing was sealed (${sealed.status})`);
  const baselineMs = (before + hashBaselineMs(events)) / 2;
  return { events: sealed.anchor.treeSize, ms: Math.round(ms), baselineMs: Math.round(baselineMs), ratio: ms / baselineMs, stages };
}

/**
 * Seals what waits below `beforeId` in periods of `size` events, so that
 * the anchor log has some length before the large period (a bundle's
 * anchor-log path grows with it). Returns the number of anchors.
 */
export async function sealSmallPeriods(beforeId: bigint, size: number): Promise<number> {
  for (;;) {
    const { rows } = await getPool().query<{ next: string | null }>(
      `SELECT min(id)::text AS next FROM events WHERE id > coalesce((SELECT max(last_event_id) FROM anchors), 0)`,
    );
    if (rows[0]!.next === null || BigInt(rows[0]!.next) >= beforeId) break;
    const span = Number(beforeId - BigInt(rows[0]!.next));
    await sealPeriod({ maxEvents: Math.min(size, span), wait: true });
  }
  return Number((await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM anchors')).rows[0]!.n);
}

export type TProofFigure = { bytes: number; anchorLogSize: number; anchorLogPath: number; periodSize: number; periodPath: number; latencyMs: { p50: number; p99: number }; text: string; verifierKey: string };

/** The proof bundle of one event of the large period, as the public API serves it, and how long the server takes to make one. */
export async function proofBundleOf(base: string, internalId: bigint, packKey: string, samples: number): Promise<TProofFigure> {
  const { rows } = await getPool().query<{ event_id: string }>('SELECT event_id FROM events WHERE id = $1', [internalId.toString()]);
  const url = `${base}/api/v1/proofs/${encodeURIComponent(rows[0]!.event_id)}?epc=${encodeURIComponent(packKey)}`;
  const times: number[] = [];
  let text = '';
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    const response = await fetch(url);
    text = await response.text();
    if (response.status !== 200) throw new Error(`GET /api/v1/proofs answered ${response.status}: ${text.slice(0, 400)}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const bundle = JSON.parse(text) as { period: { treeSize: number; path: string[] }; anchorLog: { treeSize: number; path: string[] } };
  const key = (await (await fetch(`${base}/api/v1/ledger/key`)).json()) as { verifierKey: string };
  return {
    bytes: Buffer.byteLength(text, 'utf8'),
    anchorLogSize: bundle.anchorLog.treeSize,
    anchorLogPath: bundle.anchorLog.path.length,
    periodSize: bundle.period.treeSize,
    periodPath: bundle.period.path.length,
    latencyMs: { p50: percentile(times, 50), p99: percentile(times, 99) },
    text,
    verifierKey: key.verifierKey,
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return Math.round(value * 100) / 100;
}
