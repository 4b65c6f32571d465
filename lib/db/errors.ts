/**
 * True for errors that mean "the database cannot be reached right now"
 * (refused, reset, shutting down, pool timeout), as opposed to a query that
 * Postgres rejected. Such requests answer 503 and may be retried.
 */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection exceptions.
const CONNECTION_SQLSTATE = /^(57P0[123]|08\d{3})$/;

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: string; cause?: unknown };
  if (e.code && (CONNECTION_CODES.has(e.code) || CONNECTION_SQLSTATE.test(e.code))) return true;
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(e.message)) {
    return true;
  }
  return e.cause !== undefined && e.cause !== error && isConnectionError(e.cause);
}
