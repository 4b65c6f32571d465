import { AppError, type TErrorCode } from '@/lib/errors';
import type { TAlertDraft, TRefusal } from './rule-types';

/** Refusals listed in one answer; a refused 100,000-pack commissioning does not need 100,000 lines to be understood. */
export const MAX_LISTED_REFUSALS = 1000;

/**
 * A refused request: the problem's code is that of its first refusal (a
 * one-event request answers with exactly its reason), `errors` lists every
 * refused event by index with its own code. The alerts refused scans must
 * raise travel with it, to be raised after the rollback.
 */
export class RefusedError extends AppError {
  readonly alerts: TAlertDraft[];

  constructor(refusals: TRefusal[]) {
    const first = refusals[0] as TRefusal;
    const listed = refusals.slice(0, MAX_LISTED_REFUSALS);
    const more = refusals.length > 1 ? ` (and ${refusals.length - 1} more refusal${refusals.length > 2 ? 's' : ''}; nothing was recorded)` : ' Nothing was recorded.';
    super(first.code as TErrorCode, `${first.detail}${more}`, {
      errors: listed.map((r) => ({ index: r.index, pointer: `/events/${r.index}`, code: r.code, detail: r.detail })),
      extra: { refusalCount: refusals.length, refusedEventCount: new Set(refusals.map((r) => r.index)).size },
    });
    this.alerts = refusals.flatMap((r) => (r.alert ? [r.alert] : []));
  }
}
