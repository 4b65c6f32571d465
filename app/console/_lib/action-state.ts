import { isAppError, normaliseError } from '@/lib/errors';

/** What a console form's server action answers: field errors beside the fields, or one message for the form. */
export type TFormState<TDone = undefined> = {
  fieldErrors: Record<string, string>;
  formError?: string;
  /** What was typed, given back after a refusal: React resets a form after its action, and the fields take these as defaults. */
  values?: Record<string, string>;
  done?: TDone;
  /** Bumped on every answer, so a client can tell two identical answers apart. */
  at?: number;
};

/**
 * A sentence for a form when a lib call failed. Domain errors carry their
 * own detail written for people; anything unexpected is logged and
 * described generically (internals never reach the page).
 */
export function failureMessage(error: unknown): string {
  if (isAppError(error)) return error.detail;
  const appError = normaliseError(error);
  console.error('[console]', error);
  return appError.code === 'db_unavailable' ? 'The service is unavailable right now. Nothing was recorded; try again in a moment.' : 'Something went wrong and nothing was recorded. Try again.';
}

/** The first message per field of a zod error. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0] ?? 'form')] ??= issue.message;
  return out;
}

/** The named fields as typed, to give back with a refusal. */
export function formValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, formText(form, name)]));
}

/** Form fields as strings ('' for missing ones). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
