import { ERROR_CODES, type TErrorCode } from './codes';

/** One failing item of a request (an event by index, a field by pointer). */
export type TProblemItem = { pointer?: string; index?: number; code: string; detail: string };

/**
 * The one error type domain code throws. `code` is stable and maps to an HTTP
 * status in lib/errors/codes.ts; `detail` is a sentence for a person;
 * `errors` lists each failing item of a request when there are several.
 */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly detail: string;
  readonly errors: TProblemItem[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: TErrorCode, detail?: string, options?: { errors?: TProblemItem[]; extra?: Record<string, unknown>; cause?: unknown }) {
    super(detail ?? ERROR_CODES[code].title, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = detail ?? ERROR_CODES[code].title;
    this.errors = options?.errors;
    this.extra = options?.extra;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
