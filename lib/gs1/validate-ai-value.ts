import { lookupAi, type TAiDefinition, type TAiPart } from './ai-table';
import { describeCharset, firstInvalidChar } from './charset';
import { gs1CheckDigit, hasValidCheckDigit } from './check-digit';
import { readGs1Date } from './expiry-from-yymmdd';
import { gs1Error, quote, visibleChar } from './gs1-error';

type TValueContext = {
  /** 0-based position of the value's first character in the input, for messages and `extra`. */
  position?: number;
  today?: Date;
};

/** The definition of `ai`, or gs1_unknown_ai naming it (and where it stood). */
export function requireAi(ai: string, position?: number): TAiDefinition {
  const def = lookupAi(ai);
  if (def) return def;
  const where = position === undefined ? '' : ` at character ${position + 1}`;
  throw gs1Error('gs1_unknown_ai', `(${ai})${where} is not a GS1 Application Identifier this platform accepts.`, { ai, position });
}

/**
 * Checks one AI value against its format: length, character set, check
 * digit, calendar date. Throws the precise gs1_* error for the first fault.
 */
export function validateAiValue(ai: string, value: string, context: TValueContext = {}): TAiDefinition {
  const def = requireAi(ai, context.position);
  checkLength(def, value, context.position);
  let offset = 0;
  def.parts.forEach((part, index) => {
    const length = index === def.parts.length - 1 ? value.length - offset : part.max;
    checkPart(def, part, value.slice(offset, offset + length), context, offset);
    offset += length;
  });
  if (ai === '8003' && value[0] !== '0') {
    // A GRAI is carried as N14 whose first digit is a filler zero (GenSpecs §3.9.3).
    throw gs1Error('gs1_invalid_character', `AI (8003) GRAI must start with 0, not ${quote(value[0] ?? '')}.`, { ai, position: context.position });
  }
  return def;
}

/**
 * validateAiValue as a yes/no question, for probing (run-on detection tries
 * many readings of one field): the length, character set and check digit
 * are decided without creating an error; only a value that passes them is
 * handed to validateAiValue for the rest (dates, special rules), so an
 * error is created only in the rare case that those fail.
 */
export function isValidAiValue(def: TAiDefinition, value: string, today?: Date): boolean {
  if (value.length < def.min || value.length > def.max) return false;
  let offset = 0;
  for (const [index, part] of def.parts.entries()) {
    const length = index === def.parts.length - 1 ? value.length - offset : part.max;
    const text = value.slice(offset, offset + length);
    if (firstInvalidChar(text, part.charset) >= 0 || (part.checkDigit && !hasValidCheckDigit(text))) return false;
    offset += length;
  }
  try {
    validateAiValue(def.ai, value, { today });
    return true;
  } catch {
    return false;
  }
}

function checkLength(def: TAiDefinition, value: string, position?: number): void {
  const expected = def.min === def.max ? `exactly ${def.max}` : `${def.min === 0 ? 'at most' : `${def.min} to`} ${def.max}`;
  const extra = { ai: def.ai, position, length: value.length, min: def.min, max: def.max };
  if (value.length < def.min) {
    throw gs1Error('gs1_field_too_short', `AI (${def.ai}) ${def.title} has ${value.length} characters; it needs ${expected}.`, extra);
  }
  if (value.length > def.max) {
    throw gs1Error('gs1_field_too_long', `AI (${def.ai}) ${def.title} has ${value.length} characters; it allows ${expected}.`, extra);
  }
}

function checkPart(def: TAiDefinition, part: TAiPart, text: string, context: TValueContext, offset: number): void {
  const bad = firstInvalidChar(text, part.charset);
  if (bad >= 0) {
    const position = context.position === undefined ? undefined : context.position + offset + bad;
    const char = String.fromCodePoint(text.codePointAt(bad) as number);
    throw gs1Error(
      'gs1_invalid_character',
      `AI (${def.ai}) ${def.title} contains ${quote(visibleChar(char))} at character ${offset + bad + 1} of its value; it allows ${describeCharset(part.charset)}.`,
      { ai: def.ai, position, character: char },
    );
  }
  if (part.checkDigit && !hasValidCheckDigit(text)) {
    const expected = gs1CheckDigit(text.slice(0, -1));
    throw gs1Error(
      'gs1_check_digit',
      `The ${def.keyName ?? def.title} ${text} in AI (${def.ai}) has check digit ${text.at(-1)}; the right check digit is ${expected}. The code is mistyped or not genuine.`,
      { ai: def.ai, position: context.position, identifier: def.keyName, expected: String(expected), found: text.at(-1) },
    );
  }
  if (part.date) readGs1Date(text, { ai: def.ai, position: context.position, today: context.today });
}
