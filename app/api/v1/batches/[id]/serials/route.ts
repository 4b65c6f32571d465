import { importSerials } from '@/lib/catalog';
import { AppError } from '@/lib/errors';
import { idempotencyKeyOf } from '@/lib/events';
import { json, readText, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** About 22 bytes a line for 100,000 serials, with room for quoting and a header. */
const MAX_CSV_BYTES = 4_000_000;

/** Commissions packs with your own serials: text/csv, one serial per line, optional header. */
export const POST = withApi<{ id: string }>({ auth: 'serials:commission' }, async (request, { actor, params }) => {
  const type = request.headers.get('content-type') ?? '';
  if (!/^text\/(csv|plain)\b/i.test(type)) throw new AppError('unsupported_media_type', `Send the serials as text/csv, one per line (got "${type || 'no content type'}").`);
  const csv = await readText(request, MAX_CSV_BYTES);
  return json(await importSerials(actor, params.id, csv, { idempotency: idempotencyKeyOf(request, csv) }), { status: 201 });
});
