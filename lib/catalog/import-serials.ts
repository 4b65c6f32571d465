import type { TActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { getPool } from '@/lib/db';
import { AppError, type TProblemItem } from '@/lib/errors';
import { commissionSerials, type TCommissioned, type TCommissionOptions } from './commission-serials';
import { ownBatch } from './own-batch';
import { readSerialsCsv } from './read-serials-csv';

/**
 * Commissions packs with the manufacturer's own serials (text/csv, one per
 * line) through the same path as random commissioning. Nothing is
 * commissioned unless every line is good: each bad line is listed (GS1
 * character set 82, at most 20 characters, unique in the file, not yet
 * commissioned for the GTIN), 422 serials_invalid.
 */
export async function importSerials(actor: TActor, batchId: string, csv: string, options: TCommissionOptions = {}): Promise<TCommissioned> {
  assertCan(actor, 'serials:commission');
  const batch = await ownBatch(actor, batchId);
  const { serials, problems } = readSerialsCsv(csv);
  if (serials.length === 0 && problems.length === 0) problems.push({ code: 'no_serials', detail: 'The file holds no serials.' });
  if (problems.length === 0) problems.push(...(await alreadyCommissioned(batch.gtin, serials)));
  if (problems.length > 0) {
    throw new AppError('serials_invalid', `${problems.length} line${problems.length === 1 ? ' is' : 's are'} not valid; nothing was commissioned. First: ${problems[0]!.detail}`, {
      errors: problems.slice(0, 1000),
      extra: { problemCount: problems.length },
    });
  }
  return commissionSerials(actor, batch, serials.map((s) => s.serial), options, false);
}

async function alreadyCommissioned(gtin: string, serials: { line: number; serial: string }[]): Promise<TProblemItem[]> {
  const { rows } = await getPool().query<{ serial: string }>('SELECT serial FROM packs WHERE gtin = $1 AND serial = ANY($2::text[])', [gtin, serials.map((s) => s.serial)]);
  const taken = new Set(rows.map((r) => r.serial));
  return serials
    .filter((s) => taken.has(s.serial))
    .map((s) => ({ index: s.line, pointer: `/lines/${s.line}`, code: 'already_commissioned', detail: `line ${s.line}: serial "${s.serial}" is already commissioned for GTIN ${gtin}.` }));
}
