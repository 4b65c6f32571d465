import { isAppError, normaliseError } from '@/lib/errors';

/**
 * A sentence for a settings form when a lib call failed. Domain errors carry
 * their own detail written for people; anything unexpected is logged and
 * described generically (internals never reach the page).
 */
export function formFailure(error: unknown): string {
  if (isAppError(error)) return error.detail;
  const appError = normaliseError(error);
  console.error('[console/settings]', error);
  return appError.code === 'db_unavailable' ? 'The service is unavailable right now. Try again in a moment.' : 'Something went wrong. Try again.';
}

/** The first message per field of a zod error, for forms that show errors beside each field. */
export function fieldMessages(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message;
  }
  return out;
}
