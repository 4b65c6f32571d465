import { aiLengthForPrefix, isFixedLength, lookupAi, type TAiDefinition } from './ai-table';
import { isGs1DataChar } from './charset';
import { findRunOn } from './detect-run-on';
import { addElement } from './element-list';
import { gs1Error, quote } from './gs1-error';
import type { TAiElement, TDateOptions } from './types';
import { isValidAiValue, requireAi, validateAiValue } from './validate-ai-value';

export type TElementStringOptions = TDateOptions & {
  /**
   * Characters or strings the caller's scanners send instead of FNC1/GS
   * (0x1D), e.g. ['|']. 0x1D is always accepted. A substitute must not
   * contain a character that can occur in GS1 data.
   */
  separators?: string[];
};

/** AIM symbology identifiers of GS1 symbols: GS1-128, DataBar, DataMatrix, QR Code, DotCode. */
export const GS1_SYMBOLOGY_IDS = [']C1', ']e0', ']d2', ']Q3', ']J1'];

const GS = '\u001d';

type TScan = { input: string; separators: string[]; today?: Date };

/**
 * The elements of a GS1 element string as a scanner transmits it: optional
 * symbology identifier, optional leading FNC1 (sent as GS), AIs with GS
 * after variable-length fields. Positions in errors are 0-based offsets
 * into `input`.
 */
export function readElementString(input: string, options: TElementStringOptions = {}): TAiElement[] {
  const scan: TScan = { input, separators: checkSeparators(options.separators ?? []), today: options.today };
  let from = input.length - input.trimStart().length;
  const to = input.trimEnd().length;
  if (from >= to) throw gs1Error('gs1_empty_input', 'The code is empty.');
  if (input[from] === ']') from = skipSymbologyId(input, from);
  while (from < to && separatorAt(scan, from) > 0) from += separatorAt(scan, from);
  if (from >= to) throw gs1Error('gs1_empty_input', 'The code carries no data after its symbology identifier.');
  return readElements(scan, from, to, true);
}

type TRead = TAiElement & { def: TAiDefinition; valueStart: number };

function readElements(scan: TScan, from: number, to: number, detectRunOn: boolean): TAiElement[] {
  const list: TAiElement[] = [];
  const reads: TRead[] = [];
  let i = from;
  while (i < to) {
    const { ai, def } = readAi(scan.input, i, to);
    const valueStart = i + ai.length;
    const stop = nextSeparator(scan, valueStart, to);
    const valueEnd = isFixedLength(def) ? Math.min(valueStart + def.max, stop) : stop;
    const value = scan.input.slice(valueStart, valueEnd);
    // A field too long to be valid is checked for a lost GS at once, before its length error.
    if (detectRunOn && value.length > def.max) checkRunOn(scan, list, def, value, valueStart);
    validateAiValue(ai, value, { position: valueStart, today: scan.today });
    addElement(list, { ai, value }, i);
    reads.push({ ai, value, def, valueStart });
    i = valueEnd;
    while (i < to && separatorAt(scan, i) > 0) i += separatorAt(scan, i);
  }
  // A field of valid length can still hide a lost GS; that needs the whole code to judge.
  if (detectRunOn) for (const r of reads) if (!isFixedLength(r.def)) checkRunOn(scan, list, r.def, r.value, r.valueStart);
  return list;
}

/**
 * What readElements(scan, from, to, false) would return, or undefined where
 * it would throw, without creating an error: run-on detection probes every
 * split point of a field, and a thrown error costs microseconds (its stack
 * is captured) where these checks cost nanoseconds. Scanned element strings
 * went from about 120 to about 10 µs per code (docs/benchmarks.md).
 */
function probeElements(scan: TScan, from: number, to: number): TAiElement[] | undefined {
  const list: TAiElement[] = [];
  let i = from;
  while (i < to) {
    const prefix = scan.input.slice(i, i + 2);
    const length = /^\d\d$/.test(prefix) ? aiLengthForPrefix(prefix) : 0;
    const ai = scan.input.slice(i, i + length);
    const def = length > 0 && i + length <= to && /^\d+$/.test(ai) ? lookupAi(ai) : undefined;
    if (!def) return undefined;
    const valueStart = i + ai.length;
    const stop = nextSeparator(scan, valueStart, to);
    const valueEnd = isFixedLength(def) ? Math.min(valueStart + def.max, stop) : stop;
    const value = scan.input.slice(valueStart, valueEnd);
    if (!isValidAiValue(def, value, scan.today)) return undefined;
    const same = list.find((e) => e.ai === ai);
    if (same && same.value !== value) return undefined;
    if (!same) list.push({ ai, value });
    i = valueEnd;
    while (i < to && separatorAt(scan, i) > 0) i += separatorAt(scan, i);
  }
  return list;
}

function readAi(input: string, at: number, to: number): { ai: string; def: TAiDefinition } {
  const length = /^\d\d/.test(input.slice(at, at + 2)) ? aiLengthForPrefix(input.slice(at, at + 2)) : 2;
  const ai = input.slice(at, Math.min(at + length, to));
  if (!/^\d+$/.test(ai) || ai.length < length) {
    const what = ai.length < length && /^\d*$/.test(ai) ? `an incomplete AI ${quote(ai)} at the end` : `${quote(ai)} where an AI (digits) should start`;
    throw gs1Error('gs1_unknown_ai', `The code has ${what}, at character ${at + 1}.`, { ai, position: at });
  }
  return { ai, def: requireAi(ai, at) };
}

/** Refuses a variable-length field that swallowed the next AI; see detect-run-on.ts. */
function checkRunOn(scan: TScan, list: TAiElement[], def: TAiDefinition, value: string, valueStart: number): void {
  const present = new Set(list.map((e) => e.ai).concat(def.ai));
  const runOn = findRunOn(value, valueStart, present, def.max, (from, to) => probeElements(scan, from, to));
  if (!runOn) return;
  const next = runOn.elements[0] as TAiElement;
  throw gs1Error(
    'gs1_missing_separator',
    `AI (${def.ai}) ${def.title} runs into (${next.ai}) at character ${runOn.position + 1}: the separator (FNC1/GS) after ${quote(value.slice(0, runOn.position - valueStart))} is missing. ` +
      'Check that the scanner transmits GS (0x1D) or a configured substitute, or type the code in brackets: (01)…(10)…',
    { ai: def.ai, position: runOn.position, nextAi: next.ai },
  );
}

function skipSymbologyId(input: string, at: number): number {
  const id = input.slice(at, at + 3);
  if (GS1_SYMBOLOGY_IDS.includes(id)) return at + 3;
  throw gs1Error('gs1_unrecognised', `The symbology identifier ${quote(id)} does not announce GS1 data (expected one of ${GS1_SYMBOLOGY_IDS.join(', ')}).`, {
    position: at,
  });
}

function checkSeparators(separators: string[]): string[] {
  for (const s of separators) {
    if (s.length === 0 || [...s].some(isGs1DataChar) || s.trim() !== s) {
      throw gs1Error('gs1_invalid_separator', `${quote(s)} cannot stand for GS: it is empty, has surrounding spaces or contains characters that occur in GS1 data.`, {
        separator: s,
      });
    }
  }
  return separators;
}

function separatorAt(scan: TScan, at: number): number {
  if (scan.input[at] === GS) return 1;
  for (const s of scan.separators) if (scan.input.startsWith(s, at)) return s.length;
  return 0;
}

function nextSeparator(scan: TScan, from: number, to: number): number {
  for (let i = from; i < to; i++) if (separatorAt(scan, i) > 0) return i;
  return to;
}
