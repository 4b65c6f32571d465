import { isAbsoluteUri } from '../uri';
import { suggestWord } from './suggest-word';
import { VOCABULARIES, type TVocabulary, type TVocabularyKind } from './vocabularies';

export type TVocabularyValue =
  /** `word` is the bare standard word, or null for another URI, which `value` then holds as sent. */
  | { ok: true; word: string | null; value: string }
  /** `reason` completes a sentence that starts with the field's name. */
  | { ok: false; reason: string };

/**
 * Reads a vocabulary value in any of its standard spellings: the bare word
 * ("shipping"), the GS1 Web URI (https://ref.gs1.org/cbv/BizStep-shipping),
 * the legacy URN (urn:epcglobal:cbv:bizstep:shipping) or the compact IRI
 * (cbv:BizStep-shipping). Standard values come back as the bare word; any
 * other absolute URI is a user vocabulary and is kept as sent. An unknown
 * bare word, or an unknown value inside GS1's own namespaces, is refused:
 * silently accepting "shipped" would record an event no partner understands.
 */
export function normaliseVocabularyValue(kind: TVocabularyKind, input: string): TVocabularyValue {
  const vocabulary = VOCABULARIES[kind];
  if (vocabulary.words.has(input)) return { ok: true, word: input, value: input };
  for (const prefix of [vocabulary.uriPrefix, ...vocabulary.aliasPrefixes]) {
    if (!input.startsWith(prefix)) continue;
    const rest = input.slice(prefix.length);
    if (vocabulary.words.has(rest)) return { ok: true, word: rest, value: rest };
    return { ok: false, reason: unknownWord(vocabulary, input, rest) };
  }
  if (vocabulary.reservedNamespaces.some((namespace) => input.startsWith(namespace))) {
    return { ok: false, reason: `'${clip(input)}' is in GS1's namespace but is not ${vocabulary.description}; use e.g. '${vocabulary.example}' or ${vocabulary.uriPrefix}${vocabulary.example}` };
  }
  if (isAbsoluteUri(input)) return { ok: true, word: null, value: input };
  return { ok: false, reason: unknownWord(vocabulary, input, input) };
}

/**
 * The GS1 Web URI of a vocabulary value in any spelling normaliseVocabularyValue
 * accepts, for the event hash (CBV 2.0 rules 14 and 16); any other value unchanged.
 */
export function vocabularyValueUri(kind: TVocabularyKind, input: string): string {
  const normalised = normaliseVocabularyValue(kind, input);
  return normalised.ok && normalised.word !== null ? VOCABULARIES[kind].uriPrefix + normalised.word : input;
}

function unknownWord(vocabulary: TVocabulary, input: string, word: string): string {
  const suggestion = suggestWord(word, vocabulary.words) ?? vocabulary.example;
  return `'${clip(input)}' is not ${vocabulary.description}; use e.g. '${suggestion}' or a full URI`;
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
