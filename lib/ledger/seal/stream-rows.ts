import pg from 'pg';

/**
 * Runs `text` on a client (a pool cannot stream) and hands each row to
 * `onRow` as it arrives, instead of collecting the whole result first. A
 * row `onRow` refuses fails the read once the query has finished (a running
 * query cannot be abandoned halfway).
 */
export function streamRows<R extends pg.QueryResultRow>(db: pg.ClientBase, text: string, values: unknown[], onRow: (row: R) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let refused: unknown;
    const query = db.query(new pg.Query<R>(text, values));
    query.on('row', (row: R) => {
      if (refused !== undefined) return;
      try {
        onRow(row);
      } catch (error) {
        refused = error;
      }
    });
    query.on('error', reject);
    query.on('end', () => (refused === undefined ? resolve() : reject(refused)));
  });
}
