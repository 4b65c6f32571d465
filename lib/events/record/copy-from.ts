import pg from 'pg';
import type { Queryable } from '@/lib/db';

/**
 * COPY <table> (<columns>) FROM STDIN, in PostgreSQL's text format, on the
 * caller's connection (inside its transaction). node-postgres speaks the
 * COPY sub-protocol through the query object's handleCopyInResponse hook
 * (the hook pg-copy-streams uses); we send the rows in 64 KB CopyData
 * messages and CopyDone. Errors (a unique violation, a bad value) fail the
 * statement like any other, with the server's code and constraint.
 *
 * Event rows go in this way because COPY is the cheapest path PostgreSQL
 * offers into a table: measured on 1,000 scan events, 45 ms against 70 ms
 * for INSERT ... SELECT FROM unnest(...) (docs/decisions/053).
 */
type TConnection = { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

const CHUNK = 1 << 16;

class CopyIn extends (pg.Query as unknown as new (text: string, values: undefined, callback: (error: Error | null) => void) => object) {
  constructor(
    text: string,
    private readonly data: Buffer,
    callback: (error: Error | null) => void,
  ) {
    super(text, undefined, callback);
  }

  handleCopyInResponse(connection: TConnection): void {
    for (let at = 0; at < this.data.length; at += CHUNK) connection.sendCopyFromChunk(this.data.subarray(at, at + CHUNK));
    connection.endCopyFrom();
  }
}

/** A value in COPY text format: \N for null, backslash escapes for the characters that delimit rows and columns. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] as string) : value;
}

const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * JSON text in COPY text format: JSON never holds a raw tab, newline or
 * carriage return (JSON.stringify and JCS escape them), so only backslashes
 * need doubling, and most records have none.
 */
export function copyJson(json: string): string {
  return json.includes('\\') ? json.replaceAll('\\', '\\\\') : json;
}

/** A bytea value in COPY text format (hex input form, its backslash escaped). */
export const copyBytea = (bytes: Uint8Array) => `\\\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;

/**
 * requires: every line is a complete row, columns joined by tabs, values
 * already in COPY text form (copyText, copyBytea), ending in a newline.
 */
export async function copyFrom(tx: Queryable, table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
  if (lines.length === 0) return;
  const data = Buffer.from(lines.join(''), 'utf8');
  await new Promise<void>((resolve, reject) => {
    const query = new CopyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, data, (error) => (error ? reject(error) : resolve()));
    (tx as unknown as { query(submittable: object): unknown }).query(query);
  });
}
