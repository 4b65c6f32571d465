import { gs1Error, quote, visibleChar } from './gs1-error';

/**
 * Escaping of alphanumeric components in EPC URNs (EPC Tag Data Standard
 * §6.3 and Table I.3.1-1). Of GS1 character set 82, only " % & / < > ? are
 * written as %XX; every other character stands for itself and must not be
 * escaped. CPID components (character set 39) escape # and / only.
 */
type TComponentRule = { literal: RegExp; escapes: Record<string, string> };

const GS3A3: TComponentRule = {
  literal: /[A-Za-z0-9\-._!'()*+,:;=]/,
  escapes: { '22': '"', '25': '%', '26': '&', '2F': '/', '3C': '<', '3E': '>', '3F': '?' },
};

const CPI: TComponentRule = { literal: /[A-Z0-9-]/, escapes: { '23': '#', '2F': '/' } };

export type TComponentKind = 'gs3a3' | 'cpi';

const RULES: Record<TComponentKind, TComponentRule> = { gs3a3: GS3A3, cpi: CPI };

/** The value a URN component stands for; refuses characters and escapes the standard does not allow. */
export function unescapeUrnComponent(text: string, kind: TComponentKind, label: string): string {
  const rule = RULES[kind];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '%') {
      const hex = text.slice(i + 1, i + 3).toUpperCase();
      const char = rule.escapes[hex];
      if (char === undefined) {
        throw gs1Error('gs1_invalid_urn', `${label} has the escape ${quote(text.slice(i, i + 3))}, which EPC URNs do not use; only ${Object.keys(rule.escapes).map((h) => `%${h}`).join(' ')} are escaped.`, {
          component: text,
        });
      }
      out += char;
      i += 2;
    } else if (rule.literal.test(c)) {
      out += c;
    } else {
      throw gs1Error('gs1_invalid_urn', `${label} contains ${quote(visibleChar(c))}, which an EPC URN cannot carry${Object.values(rule.escapes).includes(c) ? ' unescaped' : ''}.`, {
        component: text,
        character: c,
      });
    }
  }
  return out;
}

/** The URN spelling of a value already checked against its AI's character set. */
export function escapeUrnComponent(value: string, kind: TComponentKind): string {
  const rule = RULES[kind];
  const byChar = new Map(Object.entries(rule.escapes).map(([hex, c]) => [c, `%${hex}`]));
  let out = '';
  for (const c of value) out += byChar.get(c) ?? c;
  return out;
}
