import { addElement } from './element-list';
import { fieldsFromElements } from './fields-from-elements';
import { gs1Error, quote } from './gs1-error';
import type { TAiElement, TDateOptions, TGs1Fields } from './types';
import { requireAi, validateAiValue } from './validate-ai-value';

const MARKER = /\((\d{2,4})\)/y;

/**
 * The fields of the human-readable form printed under a barcode,
 * "(01)09506000134352(17)271231(10)ABC(21)XYZ". Spaces around elements are
 * ignored (no GS1 field can contain a space). A "(" inside a value is
 * written "\(" when it would otherwise look like the next "(AI)".
 */
export function parseBracketed(input: string, options: TDateOptions = {}): TGs1Fields {
  return fieldsFromElements(readBracketed(input, options), options);
}

export function readBracketed(input: string, options: TDateOptions = {}): TAiElement[] {
  let i = skipSpaces(input, 0);
  if (i >= input.length) throw gs1Error('gs1_empty_input', 'The code is empty.');
  if (input[i] !== '(') {
    throw gs1Error('gs1_unrecognised', `The bracketed form starts with an AI in brackets such as (01), not ${quote(input.slice(i, i + 8))}.`, { position: i });
  }
  const list: TAiElement[] = [];
  while (i < input.length) {
    MARKER.lastIndex = i;
    const marker = MARKER.exec(input);
    if (!marker) {
      throw gs1Error('gs1_unknown_ai', `Expected an AI in brackets such as (10) at character ${i + 1}, found ${quote(input.slice(i, i + 8))}.`, { position: i });
    }
    const ai = marker[1] as string;
    requireAi(ai, i);
    const { value, valueStart, end } = readValue(input, i + marker[0].length);
    validateAiValue(ai, value, { position: valueStart, today: options.today });
    addElement(list, { ai, value }, i);
    i = skipSpaces(input, end);
  }
  return list;
}

/** The value after "(AI)": up to the next unescaped "(AI)" or the end, without surrounding spaces. */
function readValue(input: string, from: number): { value: string; valueStart: number; end: number } {
  const valueStart = skipSpaces(input, from);
  let value = '';
  let j = valueStart;
  while (j < input.length) {
    if (input[j] === '\\' && input[j + 1] === '(') {
      value += '(';
      j += 2;
      continue;
    }
    if (input[j] === '(' && isMarkerAt(input, j)) break;
    value += input[j];
    j++;
  }
  return { value: value.trimEnd(), valueStart, end: j };
}

function isMarkerAt(input: string, at: number): boolean {
  MARKER.lastIndex = at;
  return MARKER.test(input);
}

function skipSpaces(input: string, from: number): number {
  let i = from;
  while (i < input.length && /\s/.test(input[i] as string)) i++;
  return i;
}
