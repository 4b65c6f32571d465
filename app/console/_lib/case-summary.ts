import type { TCaseView } from '@/lib/console';
import { formatCount } from './locale';

/** What is in a case, in one line: "24 × Amoxicillin 500 mg capsules, lot AMX2401". */
export function caseSummary(c: TCaseView, locale: string): string {
  if (c.packCount === 0 && c.caseCount === 0) return 'Empty';
  const lines = c.lines.map((l) => `${formatCount(l.count, locale)} × ${l.productName}, lot ${l.lot}`);
  if (c.caseCount > 0) lines.push(`${c.caseCount} case${c.caseCount === 1 ? '' : 's'}`);
  return lines.join(' · ');
}
