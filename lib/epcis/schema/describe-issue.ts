import type { z } from 'zod';
import { labelOf } from '../json/pointer';
import type { TEpcisIssueCode } from '../types';

/** One problem of one event: where (path inside the event), what kind, and a sentence that starts with the field's name. */
export type TEventProblem = { path: (string | number)[]; code: TEpcisIssueCode; detail: string };

type TIssue = z.core.$ZodIssue;

/** zod's issues as plain sentences ("eventTime has no time zone offset") with stable codes. */
export function problemsFromIssues(issues: readonly TIssue[], base: (string | number)[] = []): TEventProblem[] {
  return issues.flatMap((issue) => describe(issue, [...base, ...issue.path.map(pathPart)]));
}

function describe(issue: TIssue, path: (string | number)[]): TEventProblem[] {
  const label = labelOf(path) || 'the event';
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return [{ path, code: 'missing', detail: `${label} is missing` }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, code: 'invalid_type', detail: `${label} must be ${article(issue.expected)} (got ${typeName(issue.input)})` }];
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      if (typeof issue.input !== 'string') return [{ path, code: 'invalid_type', detail: `${label} must be one of ${allowed} (got ${typeName(issue.input)})` }];
      return [{ path, code: 'invalid_value', detail: `${label} ${show(issue.input)} is not one of ${allowed}` }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], code: 'unknown_field' as const, detail: `${labelOf([...path, key])} is not a field of ${label}` }));
    case 'invalid_union':
      return unionProblem(issue, path, label);
    case 'custom': {
      const reason = (issue.params as { reason?: TEpcisIssueCode } | undefined)?.reason ?? 'invalid_value';
      return [{ path, code: reason, detail: `${label} ${issue.message}` }];
    }
    default:
      return [{ path, code: 'invalid_value', detail: `${label} ${issue.message}` }];
  }
}

/** A union (certificationInfo: a URI or a list of URIs) failed: report the branch that came closest. */
function unionProblem(issue: Extract<TIssue, { code: 'invalid_union' }>, path: (string | number)[], label: string): TEventProblem[] {
  const branches = (issue.errors ?? []).filter((branch) => branch.length > 0);
  const closest = branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
  if (!closest || depth(closest) === 0) return [{ path, code: 'invalid_type', detail: `${label} has the wrong type (got ${typeName(issue.input)})` }];
  return closest.flatMap((inner) => describe(inner, [...path, ...inner.path.map(pathPart)]));
}

function depth(branch: readonly TIssue[]): number {
  return Math.max(0, ...branch.map((issue) => issue.path.length));
}

function pathPart(part: PropertyKey): string | number {
  return typeof part === 'number' ? part : String(part);
}

function article(expected: string): string {
  const names: Record<string, string> = { string: 'a string', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object', record: 'an object' };
  return names[expected] ?? expected;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${show(value)}`;
  return `${typeof value} ${String(value)}`;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `'${text.length > 60 ? `${text.slice(0, 60)}…` : text}'`;
}
