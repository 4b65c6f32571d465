import { getPool } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { readLatestCheckpoint } from './read-latest-checkpoint';

/**
 * The latest signed checkpoint, as the note text (C2SP signed-note over a
 * tlog-checkpoint) that monitors, witnesses and readers keep. 404 before
 * the first seal.
 */
export async function readCheckpointNote(): Promise<string> {
  const latest = await readLatestCheckpoint(getPool());
  if (!latest) throw new AppError('ledger_nothing_sealed', 'No period has been sealed yet, so there is no checkpoint.');
  return latest.note;
}
