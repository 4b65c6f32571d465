import type { TPrefixes } from '../context/prefixes';
import { labelOf } from '../json/pointer';
import { isObject } from '../json/shape';
import { checkEventContent } from '../schema/check-event-content';
import { checkKeys } from '../schema/check-keys';
import { problemsFromIssues, type TEventProblem } from '../schema/describe-issue';
import { EVENT_SCHEMAS } from '../schema/event-schemas';
import { EVENT_TYPES, type TEventType } from '../types';
import { readIlmd } from './read-ilmd';

export type TEventValidation = { ok: true; type: TEventType; event: Record<string, unknown> } | { ok: false; problems: TEventProblem[] };

/**
 * Every problem of one event at once: field formats (zod schema of its
 * type), what the type requires (checkEventContent), which keys may appear
 * (checkKeys) and the batch facts in its ILMD. `prefixes` are those of the
 * enclosing document and the event's own @context.
 */
export function validateEvent(raw: unknown, prefixes: TPrefixes): TEventValidation {
  if (!isObject(raw)) {
    return { ok: false, problems: [{ path: [], code: 'not_an_object', detail: `the event must be a JSON object (got ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : typeof raw})` }] };
  }
  const type = raw.type;
  if (typeof type !== 'string') {
    return { ok: false, problems: [{ path: ['type'], code: type === undefined ? 'missing' : 'invalid_type', detail: `type ${type === undefined ? 'is missing' : 'must be a string'}: one of ${EVENT_TYPES.join(', ')}` }] };
  }
  if (!(EVENT_TYPES as readonly string[]).includes(type)) {
    const detail = `type '${type.slice(0, 60)}' is not an event type this platform records; use ${EVENT_TYPES.join(', ')}`;
    return { ok: false, problems: [{ path: ['type'], code: 'unsupported_event_type', detail }] };
  }
  const eventType = type as TEventType;
  const parsed = EVENT_SCHEMAS[eventType].safeParse(raw, { reportInput: true });
  const problems = [
    ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues)),
    ...checkEventContent(eventType, raw).map((p) => ({ ...p, code: 'event_content' as const, detail: `${labelOf(p.path) || 'the event'} ${p.detail}` })),
    ...checkKeys(eventType, raw, prefixes).map((p) => ({ ...p, detail: `${labelOf(p.path)} ${p.detail}` })),
    ...readIlmd(raw.ilmd, prefixes).problems,
  ];
  return problems.length === 0 ? { ok: true, type: eventType, event: raw } : { ok: false, problems };
}
