import { toHex, utf8 } from '@/lib/verify';
import { fastLeafHash } from './fast-hash';
import { MerkleLog } from './merkle-log';

/**
 * The identifiers an event names (packs, cases, in canonical key form such as
 * "01/09506000134352/21/ABC123"), as a small RFC 6962 tree inside the event's
 * public record: `epcs: { count, root }`. A proof bundle then shows that one
 * pack is named by the event with a path of log2(count) hashes, without
 * listing every other pack the event moved.
 *
 * Leaves are UTF-8 of each distinct key, sorted by UTF-16 code units (the
 * order JavaScript's default sort and RFC 8785 use), so every party derives
 * the same tree from the same set of keys.
 */
export type TEpcTree = {
  /** The distinct keys in leaf order. */
  keys: string[];
  summary: { count: number; root: string };
  log: MerkleLog;
};

export function buildEpcTree(keys: readonly string[]): TEpcTree {
  if (keys.some((key) => typeof key !== 'string' || key === '')) throw new RangeError('buildEpcTree: keys must be non-empty strings');
  const sorted = [...new Set(keys)].sort();
  const log = new MerkleLog(sorted.map((key) => fastLeafHash(utf8(key))));
  return { keys: sorted, summary: { count: sorted.length, root: toHex(log.root()) }, log };
}

/** The bundle's `epc` member for `key`, or null when the event does not name it. */
export function epcInclusion(tree: TEpcTree, key: string): { key: string; index: number; path: string[] } | null {
  const index = tree.keys.indexOf(key);
  if (index < 0) return null;
  return { key, index, path: tree.log.inclusionProof(index).map(toHex) };
}
