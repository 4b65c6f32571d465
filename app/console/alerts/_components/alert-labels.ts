import type { TAlertResolution, TAlertSeverity, TAlertStatus } from '@/lib/alerts';

/** Words and colours of the alert console (shared by the inbox and the alert page). */
export const STATUS_LABEL: Record<TAlertStatus, string> = {
  OPEN: 'Open',
  ACKNOWLEDGED: 'Acknowledged',
  INVESTIGATING: 'Investigating',
  CLOSED: 'Closed',
};

export const RESOLUTION_LABEL: Record<TAlertResolution, string> = {
  SCANNER_FAULT: 'Scanner fault',
  PROCESS_ERROR: 'Process error',
  CONFIRMED_FALSIFICATION: 'Confirmed falsification',
  NO_ISSUE: 'No issue',
};

export const SEVERITY_LABEL: Record<TAlertSeverity, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', CRITICAL: 'Critical' };

export const SEVERITY_CLASS: Record<TAlertSeverity, string> = {
  LOW: 'border-slate-300 bg-slate-50 text-slate-800',
  MEDIUM: 'border-amber-300 bg-amber-50 text-amber-900',
  HIGH: 'border-orange-400 bg-orange-50 text-orange-900',
  CRITICAL: 'border-red-500 bg-red-50 text-red-900',
};

/** The verb on the button that moves an alert to a status. */
export const ACTION_LABEL: Record<Exclude<TAlertStatus, 'OPEN'>, string> = {
  ACKNOWLEDGED: 'Acknowledge',
  INVESTIGATING: 'Start investigating',
  CLOSED: 'Close',
};
