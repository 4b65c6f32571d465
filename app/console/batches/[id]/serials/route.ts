import { publicUrl } from '@/lib/env';
import { withApi } from '@/lib/http';
import { serialsCsv } from '@/lib/labels';

export const dynamic = 'force-dynamic';

/**
 * The serial list of a batch, or of one commissioning run (?run=<ledger
 * id>), as CSV for the label printer or the ERP: GTIN, lot, expiry, serial,
 * the DataMatrix element string and the Digital Link of each pack, and its
 * status. Streamed, so a 100,000-pack batch downloads in bounded memory.
 * Only the manufacturer's people who commission serials (lib/labels).
 */
export const GET = withApi<{ id: string }, 'serials:commission'>({ auth: 'serials:commission' }, async (request, { actor, params }) => {
  const run = new URL(request.url).searchParams.get('run') ?? undefined;
  const csv = await serialsCsv(actor, params.id, { run, baseUrl: publicUrl() });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await csv.chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are sent: a broken download is the only way left to say the list is incomplete.
        console.error('[console/serials]', error);
        controller.error(error);
      }
    },
    async cancel() {
      await csv.chunks.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${csv.filename}"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
});
