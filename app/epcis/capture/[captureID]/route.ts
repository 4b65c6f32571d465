import { json } from '@/lib/http';
import { getCaptureJob, withEpcis } from '@/lib/epcis/server';

export const dynamic = 'force-dynamic';

/** One capture job of the caller's organisation (the regulator: any). */
export const GET = withEpcis<{ captureID: string }, 'events:read'>({ auth: 'events:read', area: 'capture' }, async (_request, { actor, params }) => {
  return json(await getCaptureJob(actor, params.captureID));
});
