/**
 * The public page's two requests to the ledger API (docs/ledger/proof-bundle.md):
 * the platform's verifier key, and one proof bundle per event. Browser code,
 * no React; the answers are checked by checkStepProof, never trusted.
 */
export type TFetchedProof =
  | { state: 'sealed'; text: string; bundle: unknown }
  | { state: 'pending'; expectedSealBy: string }
  | { state: 'unavailable'; detail: string };

export type TLedgerKeyView = { name: string; verifierKey: string; keyId: string; publicKey: string };

type TFetch = (input: string, init?: RequestInit) => Promise<Response>;

export function proofUrl(eventId: string, epc: string | null): string {
  return `/api/v1/proofs/${encodeURIComponent(eventId)}${epc === null ? '' : `?epc=${encodeURIComponent(epc)}`}`;
}

export async function fetchProof(eventId: string, epc: string | null, fetchFn: TFetch = fetch): Promise<TFetchedProof> {
  let response: Response;
  try {
    response = await fetchFn(proofUrl(eventId, epc), { cache: 'no-store' });
  } catch {
    return { state: 'unavailable', detail: 'The proof could not be fetched (no connection?).' };
  }
  const text = await response.text().catch(() => '');
  if (response.status === 202) {
    const pending = parseJson(text) as { expectedSealBy?: unknown } | null;
    return { state: 'pending', expectedSealBy: typeof pending?.expectedSealBy === 'string' ? pending.expectedSealBy : new Date(Date.now() + 5_000).toISOString() };
  }
  if (response.status !== 200) {
    const problem = parseJson(text) as { detail?: unknown } | null;
    return { state: 'unavailable', detail: typeof problem?.detail === 'string' ? problem.detail : `The ledger answered ${response.status}.` };
  }
  // The text goes to the verifier as it arrived (it reports a malformed bundle itself) and to the download as it is.
  return { state: 'sealed', text, bundle: text };
}

export async function fetchLedgerKey(fetchFn: TFetch = fetch): Promise<TLedgerKeyView | null> {
  try {
    const response = await fetchFn('/api/v1/ledger/key', { cache: 'no-store' });
    if (!response.ok) return null;
    const key = (await response.json()) as Partial<TLedgerKeyView>;
    if (typeof key.verifierKey !== 'string' || typeof key.name !== 'string' || typeof key.keyId !== 'string' || typeof key.publicKey !== 'string') return null;
    return { name: key.name, verifierKey: key.verifierKey, keyId: key.keyId, publicKey: key.publicKey };
  } catch {
    return null;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
