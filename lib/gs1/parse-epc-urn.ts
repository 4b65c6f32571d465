import { CLASS_SCHEMES, ID_SCHEMES, PATTERN_SCHEMES, type TUrnScheme } from './epc-urn-schemes';
import { fieldsFromElements } from './fields-from-elements';
import { gs1Error, quote } from './gs1-error';
import type { TAiElement, TDateOptions, TEpcKind, TGs1Fields } from './types';
import { validateAiValue } from './validate-ai-value';

export type TEpcUrn = { kind: TEpcKind; fields: TGs1Fields; companyPrefixLength: number };
export type TEpcUrnElements = { kind: TEpcKind; elements: TAiElement[]; companyPrefixLength: number };

const TYPES: Record<string, Record<string, TUrnScheme>> = { id: ID_SCHEMES, class: CLASS_SCHEMES, idpat: PATTERN_SCHEMES };

/** EPC schemes that are not GS1 keys: valid EPCs, but nothing a GS1 code can carry. */
const NON_GS1 = new Set(['gid', 'usdod', 'adi', 'bic', 'imovn']);

/**
 * Reads an EPC URN (pure identity, class or pattern), e.g.
 * urn:epc:id:sgtin:0614141.107346.2017, urn:epc:class:lgtin:4012345.012345.998877,
 * urn:epc:idpat:sgtin:4012345.066666.*. The company prefix length is where
 * the first dot is, and is returned so the URN can be written back.
 */
export function parseEpcUrn(urn: string, options: TDateOptions = {}): TEpcUrn {
  const { kind, elements, companyPrefixLength } = readEpcUrn(urn);
  return { kind, fields: fieldsFromElements(elements, options), companyPrefixLength };
}

export function readEpcUrn(urn: string): TEpcUrnElements {
  const text = urn.trim();
  if (text === '') throw gs1Error('gs1_empty_input', 'The EPC URN is empty.');
  const m = /^urn:epc:([a-z]+):([a-z0-9-]+):(.*)$/i.exec(text);
  if (!m) throw gs1Error('gs1_invalid_urn', `${quote(text)} is not an EPC URN of the form urn:epc:id:<scheme>:<company prefix>.<...>.`);
  const type = (m[1] as string).toLowerCase();
  const name = (m[2] as string).toLowerCase();
  const scheme = TYPES[type]?.[name];
  if (!scheme) throw unknownScheme(type, name);
  const components = splitComponents(m[3] as string, scheme.parts, `urn:epc:${type}:${name}`);
  if (type === 'idpat') checkPattern(components);
  const [cp, ...rest] = components as [string, ...string[]];
  if (!/^\d{6,12}$/.test(cp)) {
    throw gs1Error('gs1_invalid_urn', `The company prefix ${quote(cp)} of this URN must be 6 to 12 digits.`, { component: cp });
  }
  const elements = scheme.decode(cp, rest);
  for (const { ai, value } of elements) validateAiValue(ai, value);
  return { kind: scheme.kind, elements, companyPrefixLength: cp.length };
}

function unknownScheme(type: string, name: string) {
  if (!TYPES[type]) return gs1Error('gs1_invalid_urn', `urn:epc:${type}: is not an EPC URN type; use urn:epc:id:, urn:epc:class: or urn:epc:idpat:.`, { type });
  const why = NON_GS1.has(name) ? 'it is not a GS1 key' : 'the EPC Tag Data Standard defines no such scheme here';
  const known = Object.keys(TYPES[type] as object).join(', ');
  return gs1Error('gs1_invalid_urn', `urn:epc:${type}:${name} is not accepted: ${why} (accepted: ${known}).`, { type, scheme: name });
}

/** Splits at the first parts-1 dots; the last component (a serial, lot or extension) may itself contain dots. */
function splitComponents(body: string, parts: number, prefix: string): string[] {
  const out: string[] = [];
  let rest = body;
  for (let i = 0; i < parts - 1; i++) {
    const dot = rest.indexOf('.');
    if (dot < 0) break;
    out.push(rest.slice(0, dot));
    rest = rest.slice(dot + 1);
  }
  out.push(rest);
  if (out.length !== parts || out.at(-1) === '') {
    throw gs1Error('gs1_invalid_urn', `A ${prefix} URN has ${parts} dot-separated parts after the scheme; ${quote(body)} ${out.length !== parts ? `has ${out.length}` : 'ends with an empty part'}.`, {
      expectedParts: parts,
    });
  }
  return out;
}

function checkPattern(components: string[]): void {
  const stars = components.filter((c) => c === '*').length;
  if (components.at(-1) !== '*' || stars !== 1) {
    throw gs1Error('gs1_invalid_urn', 'An EPC pattern is accepted only as one class of objects: everything fixed except a final "*" (e.g. urn:epc:idpat:sgtin:4012345.066666.*).', {
      components,
    });
  }
}
