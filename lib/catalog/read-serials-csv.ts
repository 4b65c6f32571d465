import type { TProblemItem } from '@/lib/errors';
import { firstInvalidChar } from '@/lib/gs1/charset';
import { MAX_COMMISSION_COUNT } from './schemas';

export type TSerialLine = { line: number; serial: string };

/** Header names accepted on the first line. */
const HEADER = /^"?(serial|serials|serial number|serial_number|sn|21|\(21\))"?$/i;

/**
 * Serials from a manufacturer's own numbering system: text/csv with one
 * serial per line (a single column, RFC 4180 quoting allowed), an optional
 * header, blank lines ignored. Each line is checked as GS1 requires of AI
 * (21): 1 to 20 characters of character set 82; a serial may appear once.
 * Returns the serials and every bad line (1-based line numbers).
 */
export function readSerialsCsv(text: string): { serials: TSerialLine[]; problems: TProblemItem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const serials: TSerialLine[] = [];
  const problems: TProblemItem[] = [];
  const firstLine = new Map<string, number>();
  const problem = (line: number, code: string, detail: string) => problems.push({ index: line, pointer: `/lines/${line}`, code, detail: `line ${line}: ${detail}` });
  lines.forEach((raw, i) => {
    const line = i + 1;
    const cell = raw.trim();
    if (cell === '' || (line === 1 && HEADER.test(cell))) return;
    const serial = unquote(cell);
    if (serial === null) return void problem(line, 'invalid_csv', `one serial per line; quote a serial that contains a comma or a quote ("A,B").`);
    if (serial.length > 20) return void problem(line, 'serial_too_long', `"${serial.slice(0, 40)}" has ${serial.length} characters; a serial has at most 20.`);
    const bad = firstInvalidChar(serial, 'X');
    if (serial === '' || bad >= 0) return void problem(line, 'invalid_character', serial === '' ? 'the serial is empty.' : `"${serial}" contains "${serial[bad]}", which GS1 does not allow in a serial.`);
    const earlier = firstLine.get(serial);
    if (earlier !== undefined) return void problem(line, 'duplicate_serial', `"${serial}" already appears on line ${earlier}.`);
    firstLine.set(serial, line);
    serials.push({ line, serial });
  });
  if (serials.length > MAX_COMMISSION_COUNT) problems.push({ code: 'too_many_serials', detail: `The file holds ${serials.length} serials; commission at most ${MAX_COMMISSION_COUNT} per request.` });
  return { serials, problems };
}

/** The value of a one-column CSV record, or null when it has several columns or broken quoting. */
function unquote(cell: string): string | null {
  if (!cell.startsWith('"')) return cell.includes(',') || cell.includes('"') ? null : cell;
  if (cell.length < 2 || !cell.endsWith('"')) return null;
  const inner = cell.slice(1, -1);
  if (inner.replace(/""/g, '').includes('"')) return null;
  return inner.replace(/""/g, '"');
}
