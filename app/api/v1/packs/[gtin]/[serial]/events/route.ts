import { ZGtin } from '@/lib/catalog';
import { AppError } from '@/lib/errors';
import { getPackHistory, ZSerialParam } from '@/lib/events';
import { json, withApi } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** A pack's history: the events naming it, and those of its cases while it was inside (`via`). */
export const GET = withApi<{ gtin: string; serial: string }>({ auth: 'events:read' }, async (_request, { actor, params }) => {
  const gtin = ZGtin.safeParse(params.gtin);
  const serial = ZSerialParam.safeParse(params.serial);
  if (!gtin.success || !serial.success) throw new AppError('not_found', 'No such pack.');
  return json({ items: await getPackHistory(actor, gtin.data, serial.data) });
});
