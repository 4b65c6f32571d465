import { isConnectionError } from '@/lib/db/errors';
import { AppError } from './app-error';
import { ERROR_CODES, type TErrorCode } from './codes';

/**
 * RFC 9457 problem details. `type` is a URI reference to the code's page
 * (/problems/<code>), resolved against the request URL as the RFC says.
 */
export type TProblem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: TErrorCode;
  instance?: string;
  errors?: AppError['errors'];
  [extra: string]: unknown;
};

export function toProblem(error: AppError, instance?: string): TProblem {
  return {
    ...(error.extra ?? {}),
    type: `/problems/${error.code}`,
    title: ERROR_CODES[error.code].title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

/**
 * Any thrown value as an AppError: domain errors pass through, a lost
 * database connection becomes 503, anything else a generic 500 whose details
 * stay in the server log (internals never leak to the caller).
 */
export function normaliseError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isConnectionError(error)) return new AppError('db_unavailable');
  return new AppError('internal', 'Something went wrong on our side. The error was logged.');
}
