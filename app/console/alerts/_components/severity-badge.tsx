import type { TAlertSeverity } from '@/lib/alerts';
import { SEVERITY_CLASS, SEVERITY_LABEL } from './alert-labels';

export function SeverityBadge({ severity }: { severity: TAlertSeverity }) {
  return <span className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${SEVERITY_CLASS[severity]}`}>{SEVERITY_LABEL[severity]}</span>;
}
