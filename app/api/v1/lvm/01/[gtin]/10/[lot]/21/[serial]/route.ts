import { json, parseWith, readQuery, withApi } from '@/lib/http';
import { ZLvmPathParams, ZLvmQuery } from '@/lib/verification/schemas';
import { verifySaleableReturn } from '@/lib/verification/verify-saleable-return';

export const dynamic = 'force-dynamic';

/**
 * GS1 Lightweight Verification Messaging: a saleable-returns check of one
 * pack (GTIN, lot, serial in the Digital Link path, expiry as ?17=), for
 * distributors and pharmacies. Answers verified, or not with the
 * standard's verificationFailureReason (docs/decisions/063).
 */
export const GET = withApi<{ gtin: string; lot: string; serial: string }>({ auth: 'verify:stock' }, async (request, { actor, params }) => {
  const path = parseWith(ZLvmPathParams, params, 'The path');
  const query = readQuery(request, ZLvmQuery);
  const answer = await verifySaleableReturn(actor, { gtin: path.gtin, lot: path.lot, serial: path.serial, expiry: query['17'], linkType: query.linkType, context: query.context, reqGLN: query.reqGLN, corrUUID: query.corrUUID });
  return json(answer);
});
