import { gs1Error } from './gs1-error';
import type { TAiElement } from './types';

/**
 * Adds an element read from a code. The same AI twice with the same value
 * is harmless (a label printed as two symbols repeats it); with different
 * values the code contradicts itself and is refused.
 */
export function addElement(list: TAiElement[], element: TAiElement, position?: number): void {
  const existing = list.find((e) => e.ai === element.ai);
  if (!existing) {
    list.push(element);
    return;
  }
  if (existing.value === element.value) return;
  const where = position === undefined ? '' : ` at character ${position + 1}`;
  throw gs1Error(
    'gs1_duplicate_ai',
    `AI (${element.ai}) appears twice with different values ("${existing.value}" and "${element.value}"${where}); a code carries each AI once.`,
    { ai: element.ai, position },
  );
}

/**
 * Attributes that only mean something next to a key (General Specifications
 * §4.14, mandatory associations): a serial or a lot without the GTIN it
 * qualifies identifies nothing.
 */
const REQUIRES: Record<string, string[]> = {
  '21': ['01', '8006'],
  '10': ['01', '02', '8006'],
  '17': ['01', '02', '8006'],
  '11': ['01', '02', '8006'],
  '22': ['01', '8006'],
  '235': ['01'],
  '254': ['414'],
  '8011': ['8010'],
  '8019': ['8017', '8018'],
};

const NAMES: Record<string, string> = { '01': 'GTIN', '02': 'GTIN of contents', '8006': 'ITIP', '414': 'GLN', '8010': 'CPID', '8017': 'GSRN', '8018': 'GSRN' };

export function checkAssociations(list: TAiElement[]): void {
  const present = new Set(list.map((e) => e.ai));
  for (const { ai } of list) {
    const needs = REQUIRES[ai];
    if (!needs || needs.some((key) => present.has(key))) continue;
    const options = needs.map((key) => `(${key}) ${NAMES[key] ?? ''}`.trim()).join(' or ');
    throw gs1Error('gs1_missing_ai', `AI (${ai}) only has meaning together with ${options}, which the code does not carry.`, { ai, requires: needs });
  }
}
