import { AppError } from '@/lib/errors';
import type { TAlertResolution, TAlertStatus } from './alert-view';

/**
 * The alert workflow. An alert is acknowledged (someone has seen it),
 * investigated (someone is on it) and closed with a resolution; steps may be
 * skipped, never taken back, and a closed alert stays closed: the next
 * identical trigger opens a new alert, so a closure can never hide a later
 * occurrence. Each change is a row of alert_changes (append-only).
 */
export const NEXT_STATUSES: Readonly<Record<TAlertStatus, readonly TAlertStatus[]>> = {
  OPEN: ['ACKNOWLEDGED', 'INVESTIGATING', 'CLOSED'],
  ACKNOWLEDGED: ['INVESTIGATING', 'CLOSED'],
  INVESTIGATING: ['CLOSED'],
  CLOSED: [],
};

/** Null when `from` may move to `to` with this resolution; otherwise the refusal. */
export function transitionProblem(from: TAlertStatus, to: TAlertStatus, resolution: TAlertResolution | undefined): AppError | null {
  if (!NEXT_STATUSES[from].includes(to)) {
    const allowed = NEXT_STATUSES[from];
    const next = allowed.length === 0 ? 'nothing: it is closed' : allowed.map((s) => s.toLowerCase()).join(' or ');
    return new AppError('alert_transition_not_allowed', `The alert is ${from.toLowerCase()}; it can move to ${next}.`, { extra: { from, to, allowed } });
  }
  if (to === 'CLOSED' && resolution === undefined) return new AppError('alert_resolution_required', 'Say how the alert was resolved: scanner fault, process error, confirmed falsification or no issue.');
  if (to !== 'CLOSED' && resolution !== undefined) return new AppError('alert_resolution_required', 'A resolution is given when the alert is closed, not before.');
  return null;
}
