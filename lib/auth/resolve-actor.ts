import { AppError } from '@/lib/errors';
import { ANONYMOUS, type TActor } from './actor';
import { actorFromApiKey } from './api-key-actor';
import { actorFromSession } from './session-actor';

export type TCredentials = { sessionToken?: string | null; authorization?: string | null };

/**
 * Who is calling: an API key (Authorization: Bearer), else a session cookie,
 * else anonymous. Credentials that were sent but do not hold throw
 * (`api_key_invalid`, `session_expired`) instead of downgrading to anonymous,
 * so a client notices a revoked key at once rather than getting public
 * answers. A Bearer key wins over a cookie: a script's explicit choice.
 */
export async function resolveActor(input: TCredentials): Promise<TActor> {
  const authorization = input.authorization?.trim();
  if (authorization) return actorFromApiKey(bearerToken(authorization));
  if (input.sessionToken) return actorFromSession(input.sessionToken);
  return ANONYMOUS;
}

function bearerToken(authorization: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match) throw new AppError('api_key_invalid', 'Send the API key as "Authorization: Bearer <key>".');
  return match[1]!;
}
