import { ZGtin } from '@/lib/catalog';
import { AppError } from '@/lib/errors';
import { getPack, ZSerialParam } from '@/lib/events';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** A pack's state, for its manufacturer, the regulator and the parties to its events (404 for anyone else). */
export const GET = withApi<{ gtin: string; serial: string }>({ auth: 'events:read' }, async (_request, { actor, params }) => {
  const gtin = ZGtin.safeParse(params.gtin);
  const serial = ZSerialParam.safeParse(params.serial);
  if (!gtin.success || !serial.success) throw new AppError('not_found', 'No such pack.');
  return json(await getPack(actor, gtin.data, serial.data));
});
