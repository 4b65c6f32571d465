import { getBatch, commissionBatch, ZCommissionInput } from '@/lib/catalog';
import { AppError, normaliseError } from '@/lib/errors';
import { idempotencyKeyOf, readJsonWithText, type TProgress } from '@/lib/events';
import { parseWith, withApi } from '@/lib/http';
import type { TCommissionLine } from './lines';

export const dynamic = 'force-dynamic';

/**
 * Commissioning from the console, with progress: the same single
 * commissioning event per request as POST /api/v1/batches/{id}/commission
 * (lib/catalog commissionBatch, one transaction), answered as a stream of
 * NDJSON lines the batch page reads to move its progress bar: progress
 * lines, then one `done` or `error` line. Everything that can be refused
 * before the work starts (permission, body, batch) is refused with a
 * problem+json status as usual. The serials are not sent: the page offers
 * the serial list and the labels of the run instead. Honours
 * Idempotency-Key, so a retry after a dropped connection cannot
 * commission a second set.
 */
export const POST = withApi<{ id: string }, 'serials:commission'>({ auth: 'serials:commission' }, async (request, { actor, params }) => {
  const { text, value } = await readJsonWithText(request, 16_384);
  const input = parseWith(ZCommissionInput, value, 'The body');
  const batch = await getBatch(actor, params.id);
  if (batch.owner.id !== actor.orgId) throw new AppError('batch_not_found', 'No such batch among your products.');
  const idempotency = idempotencyKeyOf(request, text);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (line: TCommissionLine) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          // The browser went away; the commissioning itself goes on to its end.
        }
      };
      let last = { stage: '', fraction: -1 };
      const onProgress = (p: TProgress) => {
        // About a hundred lines at most, however many packs: a new stage, or one more percent.
        if (p.stage === last.stage && p.fraction - last.fraction < 0.01) return;
        last = { stage: p.stage, fraction: p.fraction };
        send({ type: 'progress', stage: p.stage, fraction: Math.round(p.fraction * 1000) / 1000 });
      };
      // The work runs to its end even if the browser goes away: it commits or rolls back as one transaction.
      commissionBatch(actor, params.id, input, { onProgress, idempotency })
        .then((result) => send({ type: 'done', count: result.count, eventId: result.eventId, id: result.id, duplicate: result.duplicate }))
        .catch((error: unknown) => {
          const problem = normaliseError(error);
          if (problem.status >= 500) console.error('[console/commission]', error);
          send({ type: 'error', status: problem.status, code: problem.code, detail: problem.status >= 500 ? 'The packs could not be commissioned; nothing was recorded. Try again.' : problem.detail });
        })
        .finally(() => {
          try {
            controller.close();
          } catch {
            // The reader went away and the stream is already closed.
          }
        });
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
});
