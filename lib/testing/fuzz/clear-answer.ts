import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * TEST-ONLY. What every answer of the public surface to any input must be:
 * never a 5xx; a refusal is RFC 9457 problem+json with a stable `code` and
 * words for a person; an acceptance is JSON. Failing inside a fast-check
 * property makes fast-check print (and shrink) the input that broke it.
 */
export type TClearAnswer = { status: number; body: Record<string, unknown> };

/** Reads `response` and asserts it is a clear answer; `input` is named in the failure message. */
export async function expectClearAnswer(response: Response, input: unknown): Promise<TClearAnswer> {
  const text = await response.text();
  const where = `${response.status} ${text.slice(0, 500)} for ${JSON.stringify(input)?.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  expect(response.status, where).toBeGreaterThanOrEqual(200);
  const body = parseObject(text);
  if (response.status < 300) {
    expect(body, `not a JSON object: ${where}`).not.toBeNull();
    return { status: response.status, body: body! };
  }
  expect(response.status, where).toBeGreaterThanOrEqual(400);
  expect(response.headers.get('content-type'), where).toBe('application/problem+json');
  expect(body, `not a JSON object: ${where}`).not.toBeNull();
  expect(body!.status, where).toBe(response.status);
  expect(body!.code, where).toMatch(/^[a-z][a-z0-9_]*$/);
  const words = [body!.detail, body!.title].filter((w) => typeof w === 'string' && w.trim() !== '');
  expect(words.length, `no detail or title: ${where}`).toBeGreaterThan(0);
  return { status: response.status, body: body! };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A distinct client address per request, so the public rate limit (per address) never answers before the parser. */
export function clientAddress(): string {
  const n = nextClient++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

let nextClient = 1;

/** Counts answers by status, for the summary a test prints. */
export function tally(): { add: (status: number) => void; summary: () => string; total: () => number } {
  const counts = new Map<number, number>();
  return {
    add: (status) => void counts.set(status, (counts.get(status) ?? 0) + 1),
    summary: () => [...counts].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' '),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
  };
}

/**
 * fast-check parameters for `numRuns` cases. A failure throws fast-check's
 * report (seed, path, shrunk counterexample) with long runs of one
 * character abbreviated: a counterexample nested 100,000 deep would fill
 * the log. The property's own error is the cause.
 */
export function fuzzRuns<T>(numRuns: number): fc.Parameters<T> {
  return {
    numRuns,
    reporter: (details) => {
      if (!details.failed) return;
      const report = (fc.defaultReportMessage(details) ?? 'The property failed.').replace(/(.)\1{40,}/gsu, (run: string, c: string) => `${c.repeat(8)}…(${run.length} chars)`);
      throw new Error(report.length > 6_000 ? `${report.slice(0, 6_000)}…` : report, { cause: details.errorInstance });
    },
  };
}
