import { canonicalJson, parseUnverifiedCheckpoint, parseVerifierKey, verifyBundle, type TCheck, type TProofBundle } from '@/lib/verify';

/**
 * What the public page proves in the visitor's browser for one step of a
 * journey (or one commissioning of a batch), on top of the nine links of
 * lib/verify's verifyBundle (docs/decisions/064):
 *
 * - names-this-pack: the identifier the bundle proves the event names is
 *   the pack the visitor scanned (or the case it travelled in). A genuine
 *   bundle about another pack must not give this pack a tick.
 * - same-event: the bundle is about the event the page shows.
 * - shown-as-proven: every fact the page displays for the step (what
 *   happened, when, by which kind of organisation where) is what the
 *   proven public record says, so the server cannot show one thing and
 *   prove another.
 *
 * Pure and browser-safe (lib/verify only). Never throws.
 */
export type TProofCheck = TCheck<string>;

export type TExpectedStep = {
  eventId: string;
  /** The canonical key the bundle's `epc` member must prove; null for a batch (its record's `batch` is in `shown`) or a trader's case, whose code is withheld. */
  namedKey: string | null;
  /** Facts the page shows, each compared with the same member of the proven record. */
  shown: Record<string, unknown>;
};

export type TStepProof =
  | { ok: true; checks: TProofCheck[]; anchorSeq: number; periodEnd: string; logSize: number; keyName: string; keyId: string }
  | { ok: false; checks: TProofCheck[]; broken: TProofCheck };

export function checkStepProof(input: unknown, expected: TExpectedStep, trustedVerifierKey: string): TStepProof {
  // The bundle as received (its JSON text) or already parsed; verifyBundle reports text that is not JSON.
  const bundle = typeof input === 'string' ? parseOrKeep(input) : input;
  const result = verifyBundle(bundle, { trustedVerifierKey });
  const checks: TProofCheck[] = [...result.checks];
  if (checks.length > 1) checks.push(...bindingChecks(bundle as TProofBundle, expected));
  const broken = checks.find((c) => !c.ok);
  if (broken) return { ok: false, checks, broken };
  const proven = bundle as TProofBundle;
  return {
    ok: true,
    checks,
    anchorSeq: proven.anchor.seq,
    periodEnd: proven.anchor.periodEnd,
    logSize: parseUnverifiedCheckpoint(proven.checkpoint).treeSize,
    keyName: proven.logKey.name,
    keyId: parseVerifierKey(proven.logKey.verifierKey).keyId.toString(16).padStart(8, '0'),
  };
}

/** requires: `bundle` passed verifyBundle's format check. */
function bindingChecks(bundle: TProofBundle, expected: TExpectedStep): TProofCheck[] {
  const same: TProofCheck =
    bundle.event.eventId === expected.eventId
      ? { id: 'same-event', ok: true, label: 'The proof is about the event shown' }
      : { id: 'same-event', ok: false, label: 'The proof is about another event', expected: expected.eventId, computed: bundle.event.eventId };
  const checks = [same, shownCheck(bundle, expected.shown)];
  return expected.namedKey === null ? checks : [namesCheck(bundle, expected.namedKey), ...checks];
}

function namesCheck(bundle: TProofBundle, key: string): TProofCheck {
  const provenKey = bundle.epc?.key ?? null;
  if (provenKey === key) return { id: 'names-this-pack', ok: true, label: `The event names ${describeKey(key)}` };
  return { id: 'names-this-pack', ok: false, label: `The proof is not about ${describeKey(key)}`, detail: 'the proven identifier differs from the one scanned', expected: key, computed: provenKey ?? '(none)' };
}

/**
 * Every fact shown must be in the proven record. An object shown (the
 * actor) is compared member by member: the page may show less than the
 * record (not the manufacturer's GLN), never something else.
 */
function shownCheck(bundle: TProofBundle, shown: Record<string, unknown>): TProofCheck {
  const mismatch = firstMismatch(bundle.event as Record<string, unknown>, shown, '');
  if (!mismatch) return { id: 'shown-as-proven', ok: true, label: 'What the page shows is what the proven record says' };
  return { id: 'shown-as-proven', ok: false, label: `The page shows a "${mismatch.field}" the proven record does not have`, expected: safeCanonical(mismatch.proven), computed: safeCanonical(mismatch.shown) };
}

function firstMismatch(record: Record<string, unknown>, shown: Record<string, unknown>, prefix: string): { field: string; proven: unknown; shown: unknown } | null {
  for (const [field, value] of Object.entries(shown)) {
    const proven = record[field];
    const name = `${prefix}${field}`;
    if (isPlainObject(value) && isPlainObject(proven)) {
      const inner = firstMismatch(proven, value, `${name}.`);
      if (inner) return inner;
    } else if (safeCanonical(proven) !== safeCanonical(value)) {
      return { field: name, proven, shown: value };
    }
  }
  return null;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseOrKeep(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function safeCanonical(value: unknown): string {
  try {
    return value === undefined ? '(absent)' : canonicalJson(value);
  } catch {
    return '(unreadable)';
  }
}

/** "01/…/21/X" -> "this pack"; "00/…" -> "the case 3409…" it travelled in. */
export function describeKey(key: string): string {
  if (key.startsWith('00/')) return `the case ${key.slice(3)} this pack travelled in`;
  if (/^01\/\d{14}\/10\//.test(key)) return 'this batch';
  return `this pack (${key})`;
}
