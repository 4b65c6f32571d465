import { AppError } from '@/lib/errors/app-error';

/** perPage when the caller gives none: the binding's default. */
export const DEFAULT_PER_PAGE = 30;

/** The most events (or capture jobs) on one page; a larger perPage is refused, not silently cut. */
export const MAX_PER_PAGE = 1000;

/** perPage from the query string: a whole number from 1 to MAX_PER_PAGE. */
export function readPerPage(value: string | null): number {
  if (value === null) return DEFAULT_PER_PAGE;
  if (!/^\d{1,7}$/.test(value) || Number(value) < 1 || Number(value) > MAX_PER_PAGE) {
    throw new AppError('epcis_query_parameter_invalid', `perPage '${value.slice(0, 20)}' must be a whole number from 1 to ${MAX_PER_PAGE}.`, {
      errors: [{ pointer: 'perPage', code: 'invalid_value', detail: `perPage must be a whole number from 1 to ${MAX_PER_PAGE}` }],
    });
  }
  return Number(value);
}
