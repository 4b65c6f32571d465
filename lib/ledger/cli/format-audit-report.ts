import { describeFailure, type TLedgerAuditResult } from '../audit/audit-types';

const count = (n: number): string => n.toLocaleString('en');
const LISTED = 20;

/** The audit's verdict for people: a summary line, then the first failures. */
export function formatAuditReport(result: TLedgerAuditResult): string[] {
  const s = result.summary;
  const scope =
    `${count(s.events)} events (${count(s.sealedEvents)} sealed, ${count(s.unsealedEvents)} waiting), ${count(s.anchors)} periods, ` +
    `${count(s.chunks)} chunks, ${count(s.checkpoints)} checkpoints; ${count(s.periodsCrossChecked)} period roots cross-checked with merkletreejs`;
  const run = result.runId ? ` Recorded as audit run #${result.runId}.` : '';
  const seconds = `${(s.durationMs / 1000).toFixed(1)} s`;
  if (result.ok) return [`✓ Ledger intact: ${scope} (${seconds}).${run}`];
  const lines = [`✗ LEDGER DAMAGED: ${count(s.failures)} failure${s.failures === 1 ? '' : 's'} in ${scope} (${seconds}).${run}`, `First: ${result.firstFailure}`];
  for (const failure of result.failures.slice(1, LISTED)) lines.push(`  - ${describeFailure(failure)}`);
  if (s.failures > LISTED) lines.push(`  ... and ${count(s.failures - LISTED)} more.`);
  return lines;
}
