import { lookupAi } from './ai-table';
import { assertGtin } from './assert-key';
import { addElement } from './element-list';
import { fieldsFromElements } from './fields-from-elements';
import { gs1Error } from './gs1-error';
import { isPrimaryKey, isQualifierPathValid, PRIMARY_KEYS, qualifiersOf } from './gs1-keys';
import { percentDecode } from './percent-encoding';
import { splitUri, type TUriParts } from './split-uri';
import type { TAiElement, TDateOptions, TGs1Fields } from './types';
import { requireAi, validateAiValue } from './validate-ai-value';

export type TDigitalLink = {
  /** The key and its qualifiers, from the path. */
  path: TAiElement[];
  /** Data attributes from the query (?17=...), in the order given. */
  query: TAiElement[];
};

/**
 * The fields of a GS1 Digital Link URI on any host, with or without a path
 * prefix: https://example.org/01/09506000134352/10/ABC/21/XYZ?17=271231.
 * Values are percent-decoded; a GTIN-8/12/13 in the path is padded to 14.
 */
export function parseDigitalLink(uri: string, options: TDateOptions = {}): TGs1Fields {
  const { path, query } = readDigitalLink(uri, options);
  return fieldsFromElements([...path, ...query], options);
}

export function readDigitalLink(uri: string, options: TDateOptions = {}): TDigitalLink {
  const parts = splitUri(uri);
  const segments = parts.path.split('/').slice(1);
  checkSegments(parts, segments);
  const keyIndex = findPrimaryKey(segments);
  const list: TAiElement[] = [];
  const pathAis: string[] = [];
  let position = parts.pathStart + 1 + segments.slice(0, keyIndex).reduce((n, s) => n + s.length + 1, 0);
  for (let j = keyIndex; j < segments.length; j += 2) {
    const ai = aiOfSegment(segments[j] as string) as string;
    requireAi(ai, position);
    const valuePosition = position + (segments[j] as string).length + 1;
    let value = percentDecode(segments[j + 1] as string, { position: valuePosition, label: `The value of (${ai})` });
    // Check a GTIN-8/12/13 as typed, so an error shows the number the person sees on the pack.
    if (ai === '01' && /^(\d{8}|\d{12}|\d{13})$/.test(value)) value = assertGtin(value, 'the GTIN in the Digital Link');
    validateAiValue(ai, value, { position: valuePosition, today: options.today });
    addElement(list, { ai, value }, position);
    pathAis.push(ai);
    position = valuePosition + (segments[j + 1] as string).length + 1;
  }
  checkQualifierOrder(pathAis);
  const pathCount = list.length;
  readQuery(parts, pathAis[0] as string, list, options);
  return { path: list.slice(0, pathCount), query: list.slice(pathCount) };
}

function checkSegments(parts: TUriParts, segments: string[]): void {
  if (segments.length === 0 || (segments.length === 1 && segments[0] === '')) {
    throw gs1Error('gs1_invalid_digital_link', 'The Digital Link has no path; it needs a GS1 key such as /01/{GTIN}.', { position: parts.pathStart });
  }
  const empty = segments.findIndex((s) => s === '');
  if (empty >= 0) {
    const what = empty === segments.length - 1 ? 'ends with "/"' : 'has an empty path segment ("//")';
    throw gs1Error('gs1_invalid_digital_link', `The Digital Link path ${what}.`, { position: parts.pathStart });
  }
}

/**
 * Walks the path from its end in /AI/value pairs until a primary key, the
 * way GS1's Syntax Engine does, so any path prefix before the key (a
 * resolver's own /dl/...) is allowed.
 */
function findPrimaryKey(segments: string[]): number {
  for (let j = segments.length - 2; j >= 0; j -= 2) {
    const ai = aiOfSegment(segments[j] as string);
    if (ai === undefined) break;
    if (isPrimaryKey(ai)) return j;
  }
  const last = aiOfSegment(segments.at(-1) as string);
  if (last !== undefined && (segments.length % 2 === 1 || isPrimaryKey(last))) {
    throw gs1Error('gs1_invalid_digital_link', `The Digital Link path ends with /${segments.at(-1)} but gives no value for AI (${last}).`, { ai: last });
  }
  throw gs1Error(
    'gs1_invalid_digital_link',
    'The Digital Link path has no GS1 key: it must end in /01/{GTIN} (optionally /10/{lot}/21/{serial}), /00/{SSCC}, /414/{GLN} or another GS1 key.',
  );
}

/**
 * Short names of keys and qualifiers from GS1 Digital Link 1.0/1.1
 * ("/gtin/.../ser/..."), deprecated since 1.2 but still printed on packs;
 * read as their AIs, never written.
 */
const CONVENIENCE_ALPHAS: Record<string, string> = {
  gtin: '01', sscc: '00', gln: '414', glnx: '254', party: '417', grai: '8003', giai: '8004', itip: '8006', cpid: '8010', cpsn: '8011',
  gsrnp: '8017', gsrn: '8018', srin: '8019', gdti: '253', gcn: '255', ginc: '401', gsin: '402', cpv: '22', lot: '10', ser: '21', tpx: '235',
};

/** The AI a path segment names (digits of a known AI, or a convenience alpha), else undefined. */
function aiOfSegment(segment: string): string | undefined {
  const ai = /^\d{2,4}$/.test(segment) ? segment : Object.hasOwn(CONVENIENCE_ALPHAS, segment) ? CONVENIENCE_ALPHAS[segment] : undefined;
  return ai !== undefined && lookupAi(ai) ? ai : undefined;
}

function checkQualifierOrder(pathAis: string[]): void {
  const [key, ...qualifiers] = pathAis as [string, ...string[]];
  if (isQualifierPathValid(key, qualifiers)) return;
  const allowed = qualifiersOf(key);
  const stray = qualifiers.find((q) => !allowed.includes(q));
  const orders = (PRIMARY_KEYS[key] ?? []).map((seq) => `/${key}/…${seq.map((a) => `/${a}/…`).join('')}`).join(' or ');
  const detail = stray
    ? `AI (${stray}) cannot qualify (${key}) in a Digital Link path${allowed.length ? `; the path is ${orders}` : ''}.`
    : `The qualifiers of (${key}) are out of order or cannot be combined; the path is ${orders}, each qualifier optional.`;
  throw gs1Error('gs1_invalid_digital_link', detail, { ai: stray ?? key });
}

/** Data attributes in the query; non-numeric parameters (linkType, ...) are not GS1 data and are ignored. */
function readQuery(parts: TUriParts, key: string, list: TAiElement[], options: TDateOptions): void {
  let position = parts.queryStart;
  for (const pair of parts.query.split('&')) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (/^\d+$/.test(name) && eq >= 0) {
      requireAi(name, position);
      if (isPrimaryKey(name) || qualifiersOf(key).includes(name)) {
        const why = isPrimaryKey(name) ? 'a Digital Link names one GS1 key, in its path' : `it qualifies (${key}) and belongs in the path`;
        throw gs1Error('gs1_invalid_digital_link', `AI (${name}) cannot be in the query: ${why}.`, { ai: name, position });
      }
      const valuePosition = position + eq + 1;
      const value = percentDecode(pair.slice(eq + 1), { position: valuePosition, query: true, label: `The value of (${name})` });
      validateAiValue(name, value, { position: valuePosition, today: options.today });
      addElement(list, { ai: name, value }, position);
    }
    position += pair.length + 1;
  }
}
