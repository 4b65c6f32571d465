import { AppError } from '@/lib/errors/app-error';
import { EPCIS_MAX_DEPTH, EPCIS_MAX_DOCUMENT_BYTES, EPCIS_MAX_NODES } from '../limits';
import { pointerOf } from './pointer';

/**
 * Keys that could reach an object's prototype when copied with ordinary
 * assignment. None is a legal EPCIS field or extension name, so they are
 * refused wherever they occur instead of being handled carefully everywhere.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type TFrame = { value: unknown; path: (string | number)[] };

/**
 * Checks, without recursion, that `value` is plain JSON data (objects,
 * arrays, strings, finite numbers, booleans, null; an undefined property
 * counts as absent) within the capture limits
 * of nesting depth, value count and serialised size, and free of
 * prototype-polluting keys. Everything after this may recurse safely.
 * Throws epcis_document_too_large (413) or epcis_validation_failed (422).
 */
export function guardJson(value: unknown, what = 'The EPCIS document', eventIndex?: number): void {
  const stack: TFrame[] = [{ value, path: [] }];
  let nodes = 0;
  let bytes = 0;
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as TFrame;
    nodes += 1;
    if (nodes > EPCIS_MAX_NODES) throw tooLarge(`${what} has more than ${EPCIS_MAX_NODES} JSON values.`);
    if (path.length > EPCIS_MAX_DEPTH) throw tooLarge(`${what} is nested deeper than ${EPCIS_MAX_DEPTH} levels (at ${pointerOf(path.slice(0, EPCIS_MAX_DEPTH + 1))}).`);
    bytes += scalarSize(current, path, eventIndex);
    if (bytes > EPCIS_MAX_DOCUMENT_BYTES) throw tooLarge(`${what} is larger than ${EPCIS_MAX_DOCUMENT_BYTES} bytes of JSON.`);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: [...path, i] });
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        if (FORBIDDEN_KEYS.has(key)) throw forbiddenKey([...path, key], eventIndex);
        const child = (current as Record<string, unknown>)[key];
        // An undefined property is an absent one, as in JSON.stringify (events built in code have them).
        if (child === undefined) continue;
        bytes += key.length + 3;
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
}

/** Approximate JSON size of one value, not counting its children; throws for values JSON cannot carry. */
function scalarSize(value: unknown, path: (string | number)[], eventIndex: number | undefined): number {
  if (value === null || typeof value === 'boolean') return 5;
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number' && Number.isFinite(value)) return 24;
  if (Array.isArray(value)) return 2;
  if (typeof value === 'object' && isPlainObject(value)) return 2;
  const what = typeof value === 'number' ? String(value) : typeof value === 'object' ? 'an object of a class' : `a ${typeof value}`;
  return invalid(path, eventIndex, 'invalid_type', `is ${what}, which JSON cannot carry`);
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function tooLarge(detail: string): AppError {
  return new AppError('epcis_document_too_large', detail);
}

function forbiddenKey(path: (string | number)[], eventIndex: number | undefined): AppError {
  return invalidError(path, eventIndex, 'forbidden_key', `uses the reserved key '${String(path.at(-1))}', which no EPCIS field or extension may use`);
}

function invalid(path: (string | number)[], eventIndex: number | undefined, code: 'invalid_type', predicate: string): never {
  throw invalidError(path, eventIndex, code, predicate);
}

/** A 422 for one value, located by the event's index when the path runs through eventList. */
function invalidError(path: (string | number)[], eventIndex: number | undefined, code: 'forbidden_key' | 'invalid_type', predicate: string): AppError {
  const pointer = pointerOf(path);
  const inEventList = path[0] === 'epcisBody' && path[1] === 'eventList' && typeof path[2] === 'number';
  const index = inEventList ? (path[2] as number) : eventIndex;
  const located = `${index === undefined ? '' : `event ${index}: `}${pointer || 'the value'} ${predicate}`;
  return new AppError('epcis_validation_failed', `The input is invalid: ${located}.`, {
    errors: [{ ...(index === undefined ? {} : { index }), pointer, code, detail: located }],
  });
}
