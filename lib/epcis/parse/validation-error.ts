import { AppError, type TProblemItem } from '@/lib/errors/app-error';
import type { TErrorCode } from '@/lib/errors/codes';
import { EPCIS_MAX_REPORTED_ERRORS } from '../limits';
import { pointerOf } from '../json/pointer';
import type { TEventProblem } from '../schema/describe-issue';

/** A problem of the event at `index` (if any) whose paths are relative to `base` (the event's place in the document). */
export type TLocatedProblem = { index?: number; base: (string | number)[]; problem: TEventProblem };

/**
 * One AppError for all problems of a request: `errors` lists each with the
 * event's index in eventList, a JSON Pointer into what was sent, a stable
 * code and a sentence ("event 3: eventTime has no time zone offset ...").
 * Past EPCIS_MAX_REPORTED_ERRORS the rest are counted in `extra`.
 */
export function validationError(located: TLocatedProblem[], code: TErrorCode = 'epcis_validation_failed', what = 'The EPCIS document'): AppError {
  const items: TProblemItem[] = located.slice(0, EPCIS_MAX_REPORTED_ERRORS).map(({ index, base, problem }) => ({
    ...(index === undefined ? {} : { index }),
    pointer: pointerOf([...base, ...problem.path]),
    code: problem.code,
    detail: index === undefined ? problem.detail : `event ${index}: ${problem.detail}`,
  }));
  const events = new Set(located.map(({ index }) => index).filter((index) => index !== undefined));
  const first = items[0]?.detail ?? 'no details';
  const more = located.length > 1 ? ` (and ${located.length - 1} more problem${located.length > 2 ? 's' : ''}${events.size > 1 ? ` in ${events.size} events` : ''})` : '';
  return new AppError(code, `${what} is invalid: ${first}${more}.`, {
    errors: items,
    extra: { problemCount: located.length, invalidEventCount: events.size, ...(located.length > items.length ? { omittedProblemCount: located.length - items.length } : {}) },
  });
}
