import type { TPrefixes } from '../context/prefixes';
import { labelOf } from '../json/pointer';
import { isObject } from '../json/shape';
import { checkEventContent } from '../schema/check-event-content';
import { checkKeys } from '../schema/check-keys';
import { problemsFromIssues, type TEventProblem } from '../schema/describe-issue';
import { EVENT_SCHEMAS, ZExtensionEvent } from '../schema/event-schemas';
import { EVENT_TYPES, isStandardEventType, type TEventType } from '../types';
import { extensionEventType } from './extension-event-type';
import { readIlmd } from './read-ilmd';

export type TEventValidation = { ok: true; type: TEventType; event: Record<string, unknown> } | { ok: false; problems: TEventProblem[] };

/**
 * Every problem of one event at once: field formats (zod schema of its
 * type), what the type requires (checkEventContent), which keys may appear
 * (checkKeys) and the batch facts in its ILMD. `prefixes` are those of the
 * enclosing document and the event's own @context. An extension event type
 * (a declared compact IRI or an absolute IRI) is checked for the fields
 * every event has; `type` is then its expanded IRI.
 */
export function validateEvent(raw: unknown, prefixes: TPrefixes): TEventValidation {
  if (!isObject(raw)) {
    return { ok: false, problems: [{ path: [], code: 'not_an_object', detail: `the event must be a JSON object (got ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : typeof raw})` }] };
  }
  const type = raw.type;
  if (typeof type !== 'string') {
    const detail = `type ${type === undefined ? 'is missing' : 'must be a string'}: one of ${EVENT_TYPES.join(', ')}, or the IRI of an extension event type`;
    return { ok: false, problems: [{ path: ['type'], code: type === undefined ? 'missing' : 'invalid_type', detail }] };
  }
  if (isStandardEventType(type)) return standardEvent(type, raw, prefixes);
  const extension = extensionEventType(type, prefixes);
  if (!extension.ok) return { ok: false, problems: [{ path: ['type'], code: extension.code, detail: `type ${extension.reason}` }] };
  const parsed = ZExtensionEvent.safeParse(raw, { reportInput: true });
  const problems = [...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)), ...keyProblems(extension.iri, raw, prefixes)];
  return problems.length === 0 ? { ok: true, type: extension.iri, event: raw } : { ok: false, problems };
}

function standardEvent(type: (typeof EVENT_TYPES)[number], raw: Record<string, unknown>, prefixes: TPrefixes): TEventValidation {
  const parsed = EVENT_SCHEMAS[type].safeParse(raw, { reportInput: true });
  const problems = [
    ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)),
    ...checkEventContent(type, raw).map((p) => ({ ...p, code: 'event_content' as const, detail: `${labelOf(p.path) || 'the event'} ${p.detail}` })),
    ...keyProblems(type, raw, prefixes),
    ...readIlmd(raw.ilmd, prefixes).problems,
  ];
  return problems.length === 0 ? { ok: true, type, event: raw } : { ok: false, problems };
}

function keyProblems(type: TEventType, raw: Record<string, unknown>, prefixes: TPrefixes): TEventProblem[] {
  return checkKeys(type, raw, prefixes).map((p) => ({ ...p, detail: `${labelOf(p.path)} ${p.detail}` }));
}
