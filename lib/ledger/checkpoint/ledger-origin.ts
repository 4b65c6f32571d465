import { getEnv, publicUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { isValidKeyName } from '@/lib/verify';

/**
 * The log's origin (first line of every checkpoint) and key name: they are
 * the same string, as C2SP tlog-checkpoint recommends, and the verifier
 * insists on it. LEDGER_ORIGIN when set, else the host and path of
 * PUBLIC_URL ("https://trace.example.org/eu" -> "trace.example.org/eu"), a
 * schema-less URL as C2SP recommends. Changing it starts a new log identity
 * (docs/decisions/032).
 */
export function ledgerOrigin(): string {
  const configured = getEnv().LEDGER_ORIGIN;
  const url = new URL(publicUrl());
  const origin = configured ?? `${url.host}${url.pathname.replace(/\/+$/, '')}`;
  if (!isValidKeyName(origin)) {
    throw new AppError('ledger_origin_invalid', `The ledger origin ${JSON.stringify(origin)} must be non-empty, without spaces, control characters or "+". Set LEDGER_ORIGIN.`);
  }
  return origin;
}
