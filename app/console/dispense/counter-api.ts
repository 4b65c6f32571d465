import type { TCheckAnswer } from '@/lib/verification/check-pack';
import type { TCounterPack } from '@/lib/verification/counter-pack';
import type { TDispenseAnswer } from '@/lib/verification/dispense-pack';
import type { TGsSubstitute } from '@/lib/verification/read-counter-code';
import type { TUndoAnswer } from '@/lib/verification/undo-dispense';

/**
 * The counter screen's calls to the dispensing API, from the browser with
 * the session cookie. Each scan carries its own Idempotency-Key, so a
 * request retried after a dropped connection cannot dispense twice or
 * raise a false "already dispensed" alert.
 */
export type TCounterOutcome =
  | { kind: 'dispensed'; answer: TDispenseAnswer }
  | { kind: 'checked'; answer: TCheckAnswer }
  | { kind: 'restored'; answer: TUndoAnswer }
  | { kind: 'refused'; code: string; message: string; verdict?: string; pack?: TCounterPack }
  | { kind: 'failed'; message: string; signedOut?: boolean };

type TProblem = { code?: string; detail?: string; verdict?: string; pack?: TCounterPack };

export type TCounterAction = 'dispense' | 'verify' | 'undo';

const PATHS: Record<TCounterAction, string> = { dispense: '/api/v1/dispense', verify: '/api/v1/dispense/verify', undo: '/api/v1/dispense/undo' };

export async function callCounter(action: TCounterAction, code: string, separator: TGsSubstitute | null): Promise<TCounterOutcome> {
  let response: Response;
  try {
    response = await sendWithRetry(PATHS[action], JSON.stringify(separator ? { code, separator } : { code }));
  } catch {
    return { kind: 'failed', message: 'No connection to the server. Nothing was recorded; scan again when the connection is back.' };
  }
  const body = (await response.json().catch(() => ({}))) as TProblem & Record<string, unknown>;
  if (response.ok) {
    if (action === 'dispense') return { kind: 'dispensed', answer: body as unknown as TDispenseAnswer };
    if (action === 'undo') return { kind: 'restored', answer: body as unknown as TUndoAnswer };
    return { kind: 'checked', answer: body as unknown as TCheckAnswer };
  }
  if (response.status === 401) return { kind: 'failed', message: 'Your session has ended. Sign in again to go on.', signedOut: true };
  return { kind: 'refused', code: body.code ?? 'error', message: body.detail ?? `The server answered ${response.status}.`, verdict: body.verdict, pack: body.pack };
}

/** One key per scan, sent again on a retry: the server answers a retry as the first time. */
async function sendWithRetry(path: string, body: string): Promise<Response> {
  const headers = { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() };
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(path, { method: 'POST', headers, body, cache: 'no-store' });
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 400 * attempt));
    }
  }
}
