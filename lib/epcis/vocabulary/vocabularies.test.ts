import { describe, expect, it } from 'vitest';
import { readArtefact } from '../testing/gs1-artefacts';
import { CBV_BIZ_STEPS, CBV_BIZ_TRANSACTION_TYPES, CBV_COMPONENTS, CBV_DISPOSITIONS, CBV_ERROR_REASONS, CBV_SOURCE_DESTINATION_TYPES } from './cbv-lists';
import { normaliseVocabularyValue, vocabularyValueUri } from './normalise-vocabulary';
import { GS1_MEASUREMENT_TYPES, GS1_SENSOR_ALERT_TYPES } from './sensor-lists';
import { bizStepUri, dispositionUri, isCbvBizStep, isCbvDisposition, vocabularyUri } from './vocabularies';

/** The term -> IRI map of one of GS1's JSON-LD context files, with its "cbv:" / "gs1:" prefixes expanded. */
function gs1Terms(file: string): Map<string, string> {
  const context = readArtefact<{ '@context': Record<string, unknown> }>('JSON-LD-Context', file)['@context'];
  const prefixes = Object.fromEntries(Object.entries(context).filter(([k, v]) => typeof v === 'string' && (v as string).endsWith('/') && !k.startsWith('@')));
  const terms = new Map<string, string>();
  for (const [term, iri] of Object.entries(context)) {
    if (term.startsWith('@') || term in prefixes || typeof iri !== 'string') continue;
    const [prefix, rest] = iri.split(':') as [string, string];
    terms.set(term, `${prefixes[prefix] as string}${rest}`);
  }
  return terms;
}

describe('vocabulary lists against GS1 JSON-LD context files', () => {
  const cases: [string, readonly string[], string, Parameters<typeof vocabularyUri>[0]][] = [
    ['cbv-context-bizstep.jsonld', CBV_BIZ_STEPS, 'business steps', 'bizStep'],
    ['cbv-context-disposition.jsonld', CBV_DISPOSITIONS, 'dispositions', 'disposition'],
    ['cbv-context-biztransaction-type.jsonld', CBV_BIZ_TRANSACTION_TYPES, 'business transaction types', 'bizTransactionType'],
    ['cbv-context-sourcedest-type.jsonld', CBV_SOURCE_DESTINATION_TYPES, 'source/destination types', 'sourceDestinationType'],
    ['cbv-context-error-reason.jsonld', CBV_ERROR_REASONS, 'error reasons', 'errorReason'],
    ['cbv-context-component.jsonld', CBV_COMPONENTS, 'components', 'component'],
    ['gs1-context-measurement-type.jsonld', GS1_MEASUREMENT_TYPES, 'measurement types', 'measurementType'],
    ['gs1-context-sensor-alert-type.jsonld', GS1_SENSOR_ALERT_TYPES, 'sensor alert types', 'sensorAlertType'],
  ];

  it.each(cases)('%s: our %s are exactly GS1 terms, with the same URIs', (file, words, _name, kind) => {
    const terms = gs1Terms(file);
    expect([...words].sort()).toEqual([...terms.keys()].sort());
    for (const word of words) expect(vocabularyUri(kind, word)).toBe(terms.get(word));
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('bizStepUri, dispositionUri', () => {
  it('give the GS1 Web URI of a CBV word and refuse anything else', () => {
    expect(bizStepUri('shipping')).toBe('https://ref.gs1.org/cbv/BizStep-shipping');
    expect(dispositionUri('in_transit')).toBe('https://ref.gs1.org/cbv/Disp-in_transit');
    expect(() => bizStepUri('in_transit')).toThrow(RangeError);
    expect(() => dispositionUri('Shipping')).toThrow(RangeError);
    expect([isCbvBizStep('dispensing'), isCbvBizStep('dispensed'), isCbvDisposition('dispensed'), isCbvDisposition('')]).toEqual([true, false, true, false]);
  });
});

describe('normaliseVocabularyValue', () => {
  it('reads every standard spelling as the bare word', () => {
    for (const spelling of ['shipping', 'https://ref.gs1.org/cbv/BizStep-shipping', 'urn:epcglobal:cbv:bizstep:shipping', 'cbv:BizStep-shipping', 'http://ref.gs1.org/cbv/BizStep-shipping']) {
      expect(normaliseVocabularyValue('bizStep', spelling)).toEqual({ ok: true, word: 'shipping', value: 'shipping' });
    }
    expect(normaliseVocabularyValue('disposition', 'urn:epcglobal:cbv:disp:in_transit')).toMatchObject({ word: 'in_transit' });
    expect(normaliseVocabularyValue('measurementType', 'gs1:Temperature')).toMatchObject({ word: 'Temperature' });
    expect(normaliseVocabularyValue('measurementType', 'https://gs1.org/voc/Temperature')).toMatchObject({ word: 'Temperature' });
    expect(normaliseVocabularyValue('component', 'cbv:Comp-latitude')).toMatchObject({ word: 'latitude' });
  });

  it('keeps any other absolute URI as sent', () => {
    for (const uri of ['https://example.com/steps/relabel', 'urn:example:step:relabel', 'example:relabel']) {
      expect(normaliseVocabularyValue('bizStep', uri)).toEqual({ ok: true, word: null, value: uri });
    }
  });

  it('refuses unknown words, suggesting the nearest', () => {
    expect(normaliseVocabularyValue('bizStep', 'shipped')).toEqual({ ok: false, reason: "'shipped' is not a CBV business step; use e.g. 'shipping' or a full URI" });
    expect(normaliseVocabularyValue('disposition', 'intransit')).toMatchObject({ reason: expect.stringContaining("'in_transit'") });
    expect(normaliseVocabularyValue('bizStep', 'Shipping')).toMatchObject({ ok: false });
    expect(normaliseVocabularyValue('bizStep', 'zzzzzzzzzzzzzzzzzz')).toMatchObject({ reason: expect.stringContaining("use e.g. 'shipping'") });
    expect(normaliseVocabularyValue('bizStep', 'ship ping')).toMatchObject({ ok: false });
  });

  it("refuses values inside GS1's namespaces that are not in the vocabulary", () => {
    for (const value of ['urn:epcglobal:cbv:bizstep:shipped', 'https://ref.gs1.org/cbv/BizStep-shipped', 'https://ref.gs1.org/cbv/Disp-active', 'https://ns.gs1.org/cbv/BizStep-shipping']) {
      expect(normaliseVocabularyValue('bizStep', value)).toMatchObject({ ok: false });
    }
    expect(normaliseVocabularyValue('measurementType', 'https://gs1.org/voc/Colour')).toMatchObject({ ok: false });
  });

  it('gives the Web URI for the hash, other values unchanged', () => {
    expect(vocabularyValueUri('bizTransactionType', 'po')).toBe('https://ref.gs1.org/cbv/BTT-po');
    expect(vocabularyValueUri('sourceDestinationType', 'urn:epcglobal:cbv:sdt:owning_party')).toBe('https://ref.gs1.org/cbv/SDT-owning_party');
    expect(vocabularyValueUri('sensorAlertType', 'ALARM_CONDITION')).toBe('https://gs1.org/voc/ALARM_CONDITION');
    expect(vocabularyValueUri('bizStep', 'https://example.com/x')).toBe('https://example.com/x');
  });
});
