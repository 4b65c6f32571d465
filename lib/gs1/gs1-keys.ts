import { gs1Error } from './gs1-error';
import type { TAiElement, TEpcKind } from './types';

/**
 * GS1 keys that can head a Digital Link path, with the key qualifiers that
 * may follow each, in the order they must appear (GS1 Digital Link URI
 * Syntax §4, "key qualifiers"). A path may use any ordered subset of one
 * sequence: /01/{gtin}/10/{lot}/21/{serial} but not /01/{gtin}/21/{serial}/10/{lot}.
 */
export const PRIMARY_KEYS: Record<string, string[][]> = {
  '00': [],
  '01': [['22', '10', '21'], ['235']],
  '253': [],
  '255': [],
  '401': [],
  '402': [],
  '414': [['254']],
  '417': [],
  '8003': [],
  '8004': [],
  '8006': [['22', '10', '21']],
  '8010': [['8011']],
  '8017': [['8019']],
  '8018': [['8019']],
};

const KIND_OF_KEY: Record<string, TEpcKind> = {
  '00': 'sscc',
  '253': 'gdti',
  '255': 'sgcn',
  '401': 'ginc',
  '402': 'gsin',
  '414': 'sgln',
  '417': 'pgln',
  '8003': 'grai',
  '8004': 'giai',
  '8006': 'itip',
  '8010': 'cpi',
  '8017': 'gsrnp',
  '8018': 'gsrn',
};

export function isPrimaryKey(ai: string): boolean {
  return Object.hasOwn(PRIMARY_KEYS, ai);
}

/** True when `qualifiers` (AIs, in path order) is an ordered subset of one allowed sequence for `key`. */
export function isQualifierPathValid(key: string, qualifiers: string[]): boolean {
  if (qualifiers.length === 0) return true;
  return (PRIMARY_KEYS[key] ?? []).some((sequence) => {
    let at = 0;
    for (const q of qualifiers) {
      at = sequence.indexOf(q, at);
      if (at < 0) return false;
      at++;
    }
    return true;
  });
}

/** The qualifiers that may follow `key` in a Digital Link path. */
export function qualifiersOf(key: string): string[] {
  return [...new Set((PRIMARY_KEYS[key] ?? []).flat())];
}

/**
 * The identifier a set of elements names, at its finest level and nothing
 * else, as CBV 2.0 §8.9 canonicalises identifiers for the event hash: a
 * serial wins over a lot (01+21, not 01+10+21), CPV and SRIN are dropped,
 * data attributes (expiry, ...) never belong to the identifier.
 */
export function identifierElements(elements: TAiElement[]): { kind: TEpcKind; elements: TAiElement[] } {
  const keys = elements.filter((e) => isPrimaryKey(e.ai));
  if (keys.length === 0) throw gs1Error('gs1_missing_ai', 'The code carries no GS1 key (such as a GTIN, SSCC or GLN) that identifies something.');
  if (keys.length > 1) {
    const list = keys.map((k) => `(${k.ai})`).join(' and ');
    throw gs1Error('gs1_ambiguous_key', `The code carries ${list}; it must name one identifier.`, { ais: keys.map((k) => k.ai) });
  }
  const key = keys[0] as TAiElement;
  const get = (ai: string) => elements.find((e) => e.ai === ai);
  const pick = (...ais: string[]) => ais.map(get).find((e) => e !== undefined);
  if (key.ai === '01') {
    const serial = get('21');
    if (serial) return { kind: 'sgtin', elements: [key, serial] };
    const lot = get('10');
    if (lot) return { kind: 'lgtin', elements: [key, lot] };
    const tpx = get('235');
    return tpx ? { kind: 'upui', elements: [key, tpx] } : { kind: 'gtin-class', elements: [key] };
  }
  const qualifier = key.ai === '8006' ? pick('21', '10') : key.ai === '414' ? get('254') : key.ai === '8010' ? get('8011') : undefined;
  return { kind: KIND_OF_KEY[key.ai] as TEpcKind, elements: qualifier ? [key, qualifier] : [key] };
}
