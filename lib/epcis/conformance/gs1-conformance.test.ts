import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors/app-error';
import { parseEpcisDocument } from '../parse/parse-epcis-document';
import { parseEpcisEvent } from '../parse/parse-epcis-event';
import { toQueryDocument } from '../query/to-query-document';
import { describeSchemaErrors, listArtefacts, readArtefact, validateWithGs1Schema } from '../testing/gs1-artefacts';
import type { TEventInput } from '../types';

/*
 * Conformance against GS1's own artefacts (../shared/gs1-epcis). GS1's JSON
 * Schema, run with ajv as GS1's validate.sh does, is the independent judge:
 * whatever it accepts we must accept, unless we refuse on purpose for a
 * reason listed below (and then GS1's verdict is still checked, so the list
 * cannot hide a bug).
 */

type TDoc = Record<string, unknown>;

function verdict(run: () => unknown): { accepted: true } | { accepted: false; code: string; detail: string } {
  try {
    run();
    return { accepted: true };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { accepted: false, code: error.code, detail: `${error.detail} ${JSON.stringify(error.errors ?? [])}` };
  }
}

describe('GS1 example documents (JSON/)', () => {
  const files = listArtefacts('JSON');
  const documents = files.map((file) => ({ file, doc: readArtefact<TDoc>(file) }));
  const epcisDocuments = documents.filter(({ doc }) => doc.type === 'EPCISDocument');

  it('finds the example documents', () => {
    expect(epcisDocuments.length).toBeGreaterThanOrEqual(40);
  });

  // No example is refused: this list is empty, and must stay empty unless GS1's schema refuses the file too.
  const JUSTIFIED_REFUSALS: Record<string, string> = {};

  it.each(epcisDocuments.map(({ file }) => [file]))('accepts %s exactly when GS1 accepts it', (file) => {
    const doc = readArtefact<TDoc>(file);
    const gs1 = validateWithGs1Schema(doc);
    const ours = verdict(() => parseEpcisDocument(doc));
    if (!ours.accepted) {
      expect(gs1.valid, `we refuse ${file} (${ours.detail}) although GS1's schema accepts it`).toBe(false);
      expect(JUSTIFIED_REFUSALS[file], `refusal of ${file} is not listed as justified`).toBeDefined();
    } else {
      expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
    }
  });

  it.each(epcisDocuments.map(({ file }) => [file]))('exports the events of %s as an EPCISQueryDocument GS1 accepts', (file) => {
    const doc = readArtefact<TDoc>(file);
    const { events } = parseEpcisDocument(doc);
    const exported = toQueryDocument(events.map((e) => e.document), { creationDate: '2026-01-01T00:00:00.000Z' });
    const gs1 = validateWithGs1Schema(exported);
    expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
    expect(((exported.epcisBody as TDoc).queryResults as { resultsBody: { eventList: unknown[] } }).resultsBody.eventList).toHaveLength(events.length);
  });

  it('exports all example events together in one query document GS1 accepts', () => {
    const events = epcisDocuments.flatMap(({ doc }) => parseEpcisDocument(doc).events);
    const exported = toQueryDocument(events.map((e) => e.document), { queryName: 'SimpleEventQuery', subscriptionID: 'sub-1' });
    const gs1 = validateWithGs1Schema(exported);
    expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
  });

  it('refuses the example EPCISQueryDocument clearly: capture takes EPCISDocuments', () => {
    const queryDocuments = documents.filter(({ doc }) => doc.type === 'EPCISQueryDocument');
    expect(queryDocuments.length).toBeGreaterThan(0);
    for (const { doc } of queryDocuments) {
      expect(validateWithGs1Schema(doc).valid).toBe(true);
      expect(() => parseEpcisDocument(doc)).toThrow(expect.objectContaining({ code: 'epcis_not_a_document', detail: expect.stringContaining('EPCISDocument') }));
    }
  });
});

describe('GS1 schema test events (JSON-Schema/test/)', () => {
  // GS1 validates these single events with its root schema, which dispatches on "type" and requires
  // "@context" on a lone event: the counterpart is parseEpcisEvent.
  const files = listArtefacts('JSON-Schema/test').filter((file) => !file.includes('/schemas/'));

  it('finds GS1\'s test events, the extension event type among them', () => {
    expect(files).toContain('JSON-Schema/test/Extended-Event.json');
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  // No deliberate refusal left: an extension event type is recorded, not refused (docs/decisions/043).
  it.each(files.map((file) => [file]))('%s: accepted exactly when GS1 accepts it', (file) => {
    const event = readArtefact<TDoc>(file);
    const gs1 = validateWithGs1Schema(event);
    const ours = verdict(() => parseEpcisEvent(event));
    expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
    expect(ours, (ours as { detail?: string }).detail).toEqual({ accepted: true });
  });

  it('reads the extension event type as its expanded IRI and keeps the spelling sent in the document', () => {
    const event = parseEpcisEvent(readArtefact<TDoc>('JSON-Schema/test/Extended-Event.json'));
    expect(event).toMatchObject({ type: 'https://example.org/epcisCustomEvent', action: null, bizStep: null, epcs: [] });
    expect(event.document).toMatchObject({ type: 'example:CustomEvent', '@context': { example: 'https://example.org/epcis' } });
    const exported = toQueryDocument([event.document], { creationDate: '2026-01-01T00:00:00.000Z' });
    expect(validateWithGs1Schema(exported).valid).toBe(true);
  });

  describe('mutations of ObjectEvent.json, judged by GS1 and by us', () => {
    const base = () => readArtefact<TDoc>('JSON-Schema/test/ObjectEvent.json');
    const withContext = (event: TDoc) => ({ ...event, '@context': ['https://gs1.github.io/EPCIS/epcis-context.jsonld', { example: 'https://example.com/ns/' }] });
    const mutations: [string, (e: TDoc) => TDoc, 'same' | 'we are stricter' | 'we are more lenient'][] = [
      ['no eventTime', ({ eventTime: _, ...e }) => e, 'same'],
      ['no eventTimeZoneOffset', ({ eventTimeZoneOffset: _, ...e }) => e, 'same'],
      ['eventTimeZoneOffset +25:00', (e) => ({ ...e, eventTimeZoneOffset: '+25:00' }), 'same'],
      ['eventTimeZoneOffset Z', (e) => ({ ...e, eventTimeZoneOffset: 'Z' }), 'same'],
      ['eventTime without offset', (e) => ({ ...e, eventTime: '2005-04-03T20:33:31.116' }), 'same'],
      ['eventTime on 30 February', (e) => ({ ...e, eventTime: '2005-02-30T20:33:31Z' }), 'same'],
      ['action FOO', (e) => ({ ...e, action: 'FOO' }), 'same'],
      ['bizStep shipped', (e) => ({ ...e, bizStep: 'shipped' }), 'same'],
      ['bizStep as GS1 Web URI', (e) => ({ ...e, bizStep: 'https://ref.gs1.org/cbv/BizStep-receiving' }), 'same'],
      ['bizStep as user URI', (e) => ({ ...e, bizStep: 'https://example.com/steps/relabelling' }), 'same'],
      ['unknown field', (e) => ({ ...e, foo: 1 }), 'same'],
      ['declared extension field', (e) => withContext({ ...e, 'example:foo': { 'example:bar': [1, 2] } }), 'same'],
      ['epcList item not a URI', (e) => ({ ...e, epcList: ['not a uri'] }), 'same'],
      ['epcList item repeated', (e) => ({ ...e, epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'urn:epc:id:sgtin:0614141.107346.2017'] }), 'same'],
      ['ilmd on an OBSERVE event', (e) => withContext({ ...e, ilmd: { 'example:x': 1 } }), 'same'],
      ['readPoint without id', (e) => ({ ...e, readPoint: {} }), 'same'],
      ['bizTransaction with an extra field', (e) => ({ ...e, bizTransactionList: [{ bizTransaction: 'urn:x:1', note: 'x' }] }), 'same'],
      ['epcList as a string', (e) => ({ ...e, epcList: 'urn:epc:id:sgtin:0614141.107346.2017' }), 'same'],
      // Legacy CBV URNs: GS1's schema reserves the urn:epcglobal:cbv namespace; we accept the CBV 1.x
      // spelling and store the bare word (docs/decisions/040).
      ['bizStep as legacy URN', (e) => ({ ...e, bizStep: 'urn:epcglobal:cbv:bizstep:receiving' }), 'we are more lenient'],
      // Identifiers are checked to the check digit; GS1's schema only checks they are URIs.
      ['malformed SGTIN URN', (e) => ({ ...e, epcList: ['urn:epc:id:sgtin:123'] }), 'we are stricter'],
      ['Digital Link with a wrong check digit', (e) => ({ ...e, epcList: ['https://id.gs1.org/01/10614141073465/21/2017'] }), 'we are stricter'],
      // An extension prefix must be declared inline, or its namespace (and so the hash) is unknown.
      ['undeclared extension prefix', (e) => ({ ...e, 'undeclared:foo': 1 }), 'we are stricter'],
      ['bizStep unknown in the CBV namespace', (e) => ({ ...e, bizStep: 'https://ref.gs1.org/cbv/BizStep-shipped' }), 'we are stricter'],
      ['negative quantity', (e) => ({ ...e, quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: -1, uom: 'KGM' }] }), 'we are stricter'],
      // Extension event types (docs/decisions/043): the common fields and extension fields are recorded; the
      // standard fields of the five types are refused on a type whose meaning we do not know, as are undeclared
      // prefixes and made-up terms in GS1's own namespaces.
      ['custom event type with common and extension fields', (e) => withContext({ type: 'example:CustomEvent', eventTime: e.eventTime, eventTimeZoneOffset: e.eventTimeZoneOffset, 'example:reading': 3 }), 'same'],
      ['custom event type as a bare word', (e) => ({ type: 'CustomEvent', eventTime: e.eventTime, eventTimeZoneOffset: e.eventTimeZoneOffset }), 'same'],
      ['custom event type without eventTime', (e) => withContext({ type: 'example:CustomEvent', eventTimeZoneOffset: e.eventTimeZoneOffset }), 'same'],
      ['custom event type with ObjectEvent fields', (e) => withContext({ ...e, type: 'example:CustomEvent' }), 'we are stricter'],
      ['custom event type with an undeclared prefix', (e) => ({ type: 'undeclared:CustomEvent', eventTime: e.eventTime, eventTimeZoneOffset: e.eventTimeZoneOffset, '@context': e['@context'] }), 'we are stricter'],
      ['custom event type in GS1\'s namespace', (e) => ({ type: 'epcis:ShippingEvent', eventTime: e.eventTime, eventTimeZoneOffset: e.eventTimeZoneOffset, '@context': e['@context'] }), 'we are stricter'],
    ];

    it.each(mutations)('%s', (_name, mutate, relation) => {
      const event = mutate(base());
      const gs1 = validateWithGs1Schema(event).valid;
      const ours = verdict(() => parseEpcisEvent(event)).accepted;
      if (relation === 'same') expect(ours).toBe(gs1);
      if (relation === 'we are stricter') expect([gs1, ours]).toEqual([true, false]);
      if (relation === 'we are more lenient') expect([gs1, ours]).toEqual([false, true]);
    });
  });
});

describe('stored documents of every example event', () => {
  const events: TEventInput[] = listArtefacts('JSON')
    .map((file) => readArtefact<TDoc>(file))
    .filter((doc) => doc.type === 'EPCISDocument')
    .flatMap((doc) => parseEpcisDocument(doc).events);

  it('parse again to the same model and hash (the document is a fixed point)', () => {
    for (const event of events) {
      const again = parseEpcisEvent(event.document);
      expect(again.hashId).toBe(event.hashId);
      expect(again.document).toEqual(event.document);
      expect({ ...again, declaredEventId: event.declaredEventId, document: event.document }).toEqual(event);
    }
  });

  it('get the same hash IDs and models with a native SHA-256 (what capture uses) as with the pure one', () => {
    const native = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    const documents = listArtefacts('JSON').map((file) => readArtefact<TDoc>(file)).filter((doc) => doc.type === 'EPCISDocument');
    const again = documents.flatMap((doc) => parseEpcisDocument(doc, { sha256Hex: native }).events);
    expect(again).toEqual(events);
  });

  it('carry an eventID: the declared one, or else our hash ID', () => {
    for (const event of events) expect(event.document.eventID).toBe(event.declaredEventId ?? event.hashId);
  });
});
