import { withApi } from '@/lib/http';
import { readCheckpointNote } from '@/lib/ledger/log/read-checkpoint-note';

export const dynamic = 'force-dynamic';

/** The latest signed checkpoint of the anchor log (C2SP tlog-checkpoint in a signed note), as plain text. */
export const GET = withApi({ auth: 'public' }, async () => {
  const note = await readCheckpointNote();
  return new Response(note, { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
});
