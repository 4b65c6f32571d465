import { CBV_BIZ_STEPS, CBV_BIZ_TRANSACTION_TYPES, CBV_COMPONENTS, CBV_DISPOSITIONS, CBV_ERROR_REASONS, CBV_SOURCE_DESTINATION_TYPES } from './cbv-lists';
import { GS1_MEASUREMENT_TYPES, GS1_SENSOR_ALERT_TYPES } from './sensor-lists';

export const CBV_NAMESPACE = 'https://ref.gs1.org/cbv/';
export const GS1_VOC_NAMESPACE = 'https://gs1.org/voc/';

export type TVocabularyKind =
  | 'bizStep'
  | 'disposition'
  | 'bizTransactionType'
  | 'sourceDestinationType'
  | 'errorReason'
  | 'component'
  | 'measurementType'
  | 'sensorAlertType';

export type TVocabulary = {
  kind: TVocabularyKind;
  words: ReadonlySet<string>;
  /** The GS1 Web URI of word w is `uriPrefix + w`. */
  uriPrefix: string;
  /** Other spellings of the same values: legacy URN, compact IRI, http and www variants. */
  aliasPrefixes: readonly string[];
  /** Namespaces where every value must be a word of this vocabulary (or of a sibling one). */
  reservedNamespaces: readonly string[];
  /** For messages: "a CBV business step". */
  description: string;
  /** For messages: a typical word. */
  example: string;
};

const CBV_RESERVED = [CBV_NAMESPACE, 'http://ref.gs1.org/cbv/', 'urn:epcglobal:cbv:', 'cbv:', 'https://ns.gs1.org/cbv/', 'http://ns.gs1.org/cbv/'];
const GS1_VOC_RESERVED = [GS1_VOC_NAMESPACE, 'http://gs1.org/voc/', 'https://www.gs1.org/voc/', 'http://www.gs1.org/voc/', 'gs1:'];

function cbv(kind: TVocabularyKind, words: readonly string[], term: string, urn: string | null, description: string, example: string): TVocabulary {
  const aliasPrefixes = [`http://ref.gs1.org/cbv/${term}-`, `cbv:${term}-`, ...(urn ? [`urn:epcglobal:cbv:${urn}:`] : [])];
  return { kind, words: new Set(words), uriPrefix: `${CBV_NAMESPACE}${term}-`, aliasPrefixes, reservedNamespaces: CBV_RESERVED, description, example };
}

function gs1Voc(kind: TVocabularyKind, words: readonly string[], description: string, example: string): TVocabulary {
  const aliasPrefixes = GS1_VOC_RESERVED.filter((p) => p !== GS1_VOC_NAMESPACE);
  return { kind, words: new Set(words), uriPrefix: GS1_VOC_NAMESPACE, aliasPrefixes, reservedNamespaces: GS1_VOC_RESERVED, description, example };
}

export const VOCABULARIES: Readonly<Record<TVocabularyKind, TVocabulary>> = {
  bizStep: cbv('bizStep', CBV_BIZ_STEPS, 'BizStep', 'bizstep', 'a CBV business step', 'shipping'),
  disposition: cbv('disposition', CBV_DISPOSITIONS, 'Disp', 'disp', 'a CBV disposition', 'in_transit'),
  bizTransactionType: cbv('bizTransactionType', CBV_BIZ_TRANSACTION_TYPES, 'BTT', 'btt', 'a CBV business transaction type', 'po'),
  sourceDestinationType: cbv('sourceDestinationType', CBV_SOURCE_DESTINATION_TYPES, 'SDT', 'sdt', 'a CBV source/destination type', 'owning_party'),
  errorReason: cbv('errorReason', CBV_ERROR_REASONS, 'ER', 'er', 'a CBV error reason', 'incorrect_data'),
  component: cbv('component', CBV_COMPONENTS, 'Comp', null, 'a CBV sensor component', 'latitude'),
  measurementType: gs1Voc('measurementType', GS1_MEASUREMENT_TYPES, 'a GS1 measurement type', 'Temperature'),
  sensorAlertType: gs1Voc('sensorAlertType', GS1_SENSOR_ALERT_TYPES, 'a GS1 sensor alert type', 'ALARM_CONDITION'),
};

/** The GS1 Web URI of a standard word of `kind`; requires `isVocabularyWord(kind, word)`. */
export function vocabularyUri(kind: TVocabularyKind, word: string): string {
  const vocabulary = VOCABULARIES[kind];
  if (!vocabulary.words.has(word)) throw new RangeError(`vocabularyUri: '${word}' is not ${vocabulary.description}`);
  return vocabulary.uriPrefix + word;
}

export function isVocabularyWord(kind: TVocabularyKind, word: string): boolean {
  return VOCABULARIES[kind].words.has(word);
}

/** "shipping" -> "https://ref.gs1.org/cbv/BizStep-shipping". Throws RangeError for a word that is not a CBV business step. */
export function bizStepUri(word: string): string {
  return vocabularyUri('bizStep', word);
}

/** "in_transit" -> "https://ref.gs1.org/cbv/Disp-in_transit". Throws RangeError for a word that is not a CBV disposition. */
export function dispositionUri(word: string): string {
  return vocabularyUri('disposition', word);
}

export function isCbvBizStep(word: string): boolean {
  return isVocabularyWord('bizStep', word);
}

export function isCbvDisposition(word: string): boolean {
  return isVocabularyWord('disposition', word);
}
