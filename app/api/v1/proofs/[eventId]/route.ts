import { json, readQuery, withApi } from '@/lib/http';
import { buildProofBundle } from '@/lib/ledger/proofs/build-proof-bundle';
import { ZProofQuery } from '@/lib/ledger/schemas';

export const dynamic = 'force-dynamic';

/**
 * The proof bundle (docs/ledger/proof-bundle.md) of one event: 200 with the
 * bundle once its period is sealed, 202 with the expected seal time before.
 * {eventId} is the event's CBV 2.0 hash ID, URL-encoded, or its hex digest;
 * ?epc=<pack or case code> adds the proof that the event names it.
 */
export const GET = withApi<{ eventId: string }>({ auth: 'public' }, async (request, { params }) => {
  const { epc } = readQuery(request, ZProofQuery);
  const answer = await buildProofBundle(params.eventId, { epc });
  if (answer.status === 'sealed') return json(answer.bundle);
  const retryAfter = Math.max(1, Math.ceil((Date.parse(answer.expectedSealBy) - Date.now()) / 1000));
  return json(answer, { status: 202, headers: { 'retry-after': String(retryAfter) } });
});
