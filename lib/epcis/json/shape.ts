/** The value as an array, or [] when it is not one (for code that must not throw on malformed input). */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a plain object, or {} when it is not one. */
export function objectOf(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A deep copy as JSON would carry it (undefined properties dropped).
 *
 * requires: `value` passed guardJson (bounded depth, JSON data only).
 */
export function copyJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
