import { hash } from 'node:crypto';
import { buildPeriodTree, hashLeaves } from '@/lib/ledger/merkle';

/**
 * The public record's `epcs`: count and RFC 6962 root of the identifier
 * keys an event names (every role, each key once, sorted by UTF-16 code
 * units), exactly as docs/ledger/proof-bundle.md defines it and
 * lib/ledger/merkle's buildEpcTree computes it (checked by a test). This
 * version keeps no proof structure, so a one-pack scan costs one hash and a
 * 100,000-pack commissioning one pass of the packed level-by-level builder.
 */
export function epcsSummary(keys: readonly string[]): { count: number; root: string } {
  const sorted = keys.length === 1 ? keys : [...new Set(keys)].sort();
  if (sorted.length === 0) return { count: 0, root: hash('sha256', '', 'hex') };
  // The leaf hash H(0x00 || UTF-8(key)): "\u0000" encodes as the single byte 0x00.
  if (sorted.length === 1) return { count: 1, root: hash('sha256', `\u0000${sorted[0] as string}`, 'hex') };
  const leaves = hashLeaves(sorted.map((key) => Buffer.from(key, 'utf8')));
  return { count: sorted.length, root: Buffer.from(buildPeriodTree(leaves).root).toString('hex') };
}

/** Every key an event names, whatever its role. */
export function eventKeys(epcs: readonly { key: string }[]): string[] {
  return epcs.map((e) => e.key);
}
