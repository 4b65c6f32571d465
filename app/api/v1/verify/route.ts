import { json, readQuery, withApi } from '@/lib/http';
import { assertVerifyRate } from '@/lib/verification/rate-limit';
import { ZVerifyQuery } from '@/lib/verification/schemas';
import { verifyCode } from '@/lib/verification/verify-code';

export const dynamic = 'force-dynamic';

/**
 * The public verdict on a pack or batch, for apps: the same answer the
 * public page shows (docs/verification.md). No credentials are looked at;
 * each client address gets its own token bucket (429 rate_limited with
 * Retry-After past it).
 */
export const GET = withApi({ auth: 'public' }, async (request, { ip }) => {
  assertVerifyRate(ip);
  const query = readQuery(request, ZVerifyQuery);
  return json(await verifyCode(query, { channel: 'api' }));
});
