import type { TCodeTable } from './types';

/** Identity and access (lib/auth). */
export const AUTH_CODES = {
  unauthenticated: { status: 401, title: 'Sign-in or an API key is required' },
  invalid_credentials: { status: 401, title: 'Email or password is incorrect' },
  session_expired: { status: 401, title: 'The session has expired; sign in again' },
  api_key_invalid: { status: 401, title: 'The API key is not valid or was revoked' },
  forbidden: { status: 403, title: 'Not allowed for this account' },
  csrf_failed: { status: 403, title: 'Cross-site request refused' },
  too_many_attempts: { status: 429, title: 'Too many sign-in attempts; wait and try again' },
  invite_invalid: { status: 410, title: 'The invite link is invalid, used or expired' },
} as const satisfies TCodeTable;
