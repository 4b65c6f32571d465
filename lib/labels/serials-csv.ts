import type { TActor } from '@/lib/auth/actor';
import { getPool } from '@/lib/db';
import { toBracketed, toDigitalLink } from '@/lib/gs1';
import { listLabelPacks, type TLabelSheet } from './list-label-packs';

const ROWS_PER_QUERY = 5_000;
const HEADER = 'gtin,lot,expiry,serial,element_string,digital_link,status\r\n';

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a serial as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export type TSerialsCsv = { filename: string; chunks: AsyncGenerator<string> };

/**
 * The serial list of a batch (or of one commissioning run) as CSV for the
 * label printer or the ERP: one line per pack with the element string a
 * DataMatrix carries and the Digital Link a QR Code carries. The same
 * access as the label sheet (listLabelPacks): only the manufacturer's
 * people who commission serials. Read a few thousand rows at a time
 * (keyset paging), so a 100,000-pack batch streams in bounded memory.
 */
export async function serialsCsv(actor: TActor, batchId: string, options: { run?: string; baseUrl: string }): Promise<TSerialsCsv> {
  const { batch, run } = await listLabelPacks(actor, batchId, { run: options.run });
  const filename = `serials-${batch.gtin}-${batch.lot.replace(/[^A-Za-z0-9._-]/g, '_')}${run ? `-run-${run.id}` : ''}.csv`;
  return { filename, chunks: csvChunks(batch, run, options.baseUrl) };
}

async function* csvChunks(batch: TLabelSheet['batch'], run: TLabelSheet['run'], baseUrl: string): AsyncGenerator<string> {
  yield HEADER;
  let after = '';
  for (;;) {
    const rows = run ? await runPage(batch.gtin, run.id, after) : await batchPage(batch.id, after);
    if (rows.length === 0) return;
    yield rows.map((r) => line(batch, r.serial, r.status, baseUrl)).join('');
    after = rows[rows.length - 1]!.cursor;
  }
}

function line(batch: TLabelSheet['batch'], serial: string, status: string, baseUrl: string): string {
  const fields = { gtin: batch.gtin, expiry: batch.expiry, lot: batch.lot, serial };
  return [batch.gtin, batch.lot, batch.expiry, serial, toBracketed(fields), toDigitalLink(fields, baseUrl), status].map(csvField).join(',') + '\r\n';
}

type TRow = { serial: string; status: string; cursor: string };

async function batchPage(batchId: string, after: string): Promise<TRow[]> {
  const { rows } = await getPool().query<TRow>(
    'SELECT serial, status, serial AS cursor FROM packs WHERE batch_id = $1 AND serial > $2 ORDER BY serial LIMIT $3',
    [batchId, after, ROWS_PER_QUERY],
  );
  return rows;
}

async function runPage(gtin: string, eventId: string, after: string): Promise<TRow[]> {
  const prefix = `01/${gtin}/21/`;
  const { rows: keys } = await getPool().query<{ epc: string }>(
    `SELECT epc FROM event_epcs WHERE event_id = $1::bigint AND role = 'epc' AND epc LIKE $2 AND epc > $3 ORDER BY epc LIMIT $4`,
    [eventId, `${prefix}%`, after === '' ? prefix : after, ROWS_PER_QUERY],
  );
  const serials = keys.map((k) => decodeURIComponent(k.epc.slice(prefix.length)));
  const { rows: states } = await getPool().query<{ serial: string; status: string }>('SELECT serial, status FROM packs WHERE gtin = $1 AND serial = ANY($2::text[])', [gtin, serials]);
  const statusOf = new Map(states.map((s) => [s.serial, s.status]));
  return keys.map((k, i) => ({ serial: serials[i]!, status: statusOf.get(serials[i]!) ?? 'UNKNOWN', cursor: k.epc }));
}
