import { beforeAll, describe, expect, it } from 'vitest';
import type { TOrgActor } from '@/lib/auth/actor';
import { createOrganisation } from '@/lib/auth/create-organisation';
import { resolveActor } from '@/lib/auth/resolve-actor';
import { createTestApiKey, randomGln } from '@/lib/auth/test-fixtures';
import { registerBatch } from '@/lib/catalog/register-batch';
import { registerProduct } from '@/lib/catalog/register-product';
import { snapshot } from '@/lib/events/testing/network';
import { POST as capture } from '@/app/epcis/capture/route';
import { captureRequest, commissioningEvent, epcisDocument, packLink } from '../testing/epcis-documents';
import { documentForCapture } from '../capture/document-for-capture';
import { parseEpcisDocument } from '../parse/parse-epcis-document';
import { readEventQuery } from '../query/read-event-query';
import { queryEpcisEvents } from '../store/query-epcis-events';
import { describeSchemaErrors, listArtefacts, readArtefact, validateWithGs1Schema } from '../testing/gs1-artefacts';

/*
 * Every EPCISDocument among GS1's examples (../shared/gs1-epcis/JSON),
 * captured through POST /epcis/capture, in file order, into this test
 * file's fresh database, by one organisation that holds what the examples
 * name: a manufacturer with the examples' company prefixes, their products,
 * and the serialized packs they ship, receive and inspect (commissioned
 * through EPCIS first). Each document is accepted, or refused by a custody
 * rule of docs/decisions/051 that is named here with the reason; a refused
 * document stores nothing.
 */

/** The packs the examples name in epcList, by GTIN: they must exist, or any event naming them is refused (unknown_serial). */
const PACKS: Record<string, string[]> = {
  '10614141073464': ['2017', '2018'],
  '70614141123451': ['2017', '2018'],
  '10614141073402': ['1', '2'],
  '09520001123467': Array.from({ length: 12 }, (_, i) => String(10000001001 + i)),
  '04012345111118': ['9876'],
  '04012345222227': ['1234'],
  '09506000134352': ['12345'],
};

/**
 * Documents refused on purpose, with the rule. Everything else must be
 * accepted (202, a successful job).
 */
const SHIPMENT_WITHOUT_DESTINATION = {
  code: 'destination_required',
  why: 'its shipping event (bizStep shipping, disposition in_transit) names no destination: custody cannot pass to nobody, so a shipment must name the receiving organisation in destinationList',
};
const TWO_SOURCES = {
  code: 'ambiguous_destination',
  why: 'its receipt names two different GLNs in sourceList (a possessing party and a location): the custody rules take a GLN in sourceList as the sender and refuse a receipt from two',
};
const DECLARES_UNKNOWN_EVENT = {
  code: 'declared_event_unknown',
  why: 'it declares erroneous an event that was never recorded here (the example carries only the declaration): an error declaration must name a recorded event of the declaring organisation',
};
const REFUSED: Record<string, { code: string; why: string }> = {
  'JSON/EPCISQueryDocument.jsonld': SHIPMENT_WITHOUT_DESTINATION,
  'JSON/Example_9.6.1-ObjectEvent-with-pseudo-SBDH-headers.jsonld': SHIPMENT_WITHOUT_DESTINATION,
  'JSON/Example_9.6.1-ObjectEvent.jsonld': SHIPMENT_WITHOUT_DESTINATION,
  'JSON/Example_9.6.1-with-comment.jsonld': SHIPMENT_WITHOUT_DESTINATION,
  'JSON/WithDigitalLinkID/Example_9.6.1-ObjectEventWithDigitalLink.jsonld': SHIPMENT_WITHOUT_DESTINATION,
  'JSON/Example_9.6.2-ObjectEvent.jsonld': TWO_SOURCES,
  'JSON/WithDigitalLinkID/Example_9.6.2-ObjectEventWithDigitalLink.jsonld': TWO_SOURCES,
  'JSON/WithErrorDeclaration/ErrorDeclarationAndCorrectiveEvent.jsonld': DECLARES_UNKNOWN_EVENT,
  'JSON/WithErrorDeclaration/Example_9.6.1-ObjectEvent-with-error-declaration.jsonld': DECLARES_UNKNOWN_EVENT,
  'JSON/WithFullCombinationOfFields/aggregation_event_all_possible_fields.jsonld': DECLARES_UNKNOWN_EVENT,
  'JSON/WithFullCombinationOfFields/association_event_all_possible_fields.jsonld': DECLARES_UNKNOWN_EVENT,
  'JSON/WithFullCombinationOfFields/object_event_all_possible_fields.jsonld': DECLARES_UNKNOWN_EVENT,
  'JSON/WithFullCombinationOfFields/transaction_event_all_possible_fields.jsonld': DECLARES_UNKNOWN_EVENT,
  'JSON/WithFullCombinationOfFields/transformation_event_all_possible_fields.jsonld': DECLARES_UNKNOWN_EVENT,
  'JSON/WithSensorData/SensorDataExample12.jsonld': DECLARES_UNKNOWN_EVENT,
};

/** The party that sends the packs of PersistentDisposition-example.jsonld: its receipt names it in sourceList. */
const EXAMPLE_SENDER_GLN = '9520001111112';

let holder: { actor: TOrgActor; apiKey: string; gln: string };

beforeAll(async () => {
  const org = await createOrganisation({ name: 'GS1 Examples Pharma', role: 'MANUFACTURER', gln: randomGln(), country: 'DE', companyPrefixes: ['0614141', '4012345', '9520001', '9506000'] });
  const { key } = await createTestApiKey(org.id);
  const actor = (await resolveActor({ authorization: `Bearer ${key}` })) as TOrgActor;
  holder = { actor, apiKey: key, gln: org.gln };
  await createOrganisation({ name: 'GS1 Examples Wholesale', role: 'DISTRIBUTOR', gln: EXAMPLE_SENDER_GLN, country: 'DE', companyPrefixes: [] });
  const commissioning = [];
  for (const [gtin, serials] of Object.entries(PACKS)) {
    await registerProduct(actor, { gtin, name: `Example product ${gtin}`, form: 'tablet', strength: '1 mg', packSize: 10, companyPrefixLength: 7 });
    await registerBatch(actor, { gtin, lot: 'EX1', expiry: '2099-12-31' });
    commissioning.push(commissioningEvent({ epcs: serials.map((s) => packLink(gtin, s)), lot: 'EX1', expiry: '2099-12-31', gln: org.gln, eventTime: '2000-01-01T00:00:00Z' }));
  }
  const response = await capture(captureRequest(key, epcisDocument(commissioning)));
  expect(response.status, await response.clone().text()).toBe(202);
});

describe('GS1 example documents captured through POST /epcis/capture', () => {
  // EPCISQueryDocuments too: the binding says capture should take their events.
  const files = listArtefacts('JSON').filter((file) => ['EPCISDocument', 'EPCISQueryDocument'].includes(readArtefact<{ type: string }>(file).type));

  it('finds them: 46 EPCISDocuments and one EPCISQueryDocument, of which 32 are to be accepted', () => {
    expect(files).toHaveLength(47);
    expect(files.filter((file) => !REFUSED[file])).toHaveLength(32);
  });

  it.each(files.map((file) => [file]))('%s', async (file) => {
    const before = await snapshot();
    const response = await capture(captureRequest(holder.apiKey, readArtefact(file)));
    const body = await response.json();
    const refusal = REFUSED[file];
    if (refusal) {
      expect([response.status, body.code], refusal.why).toEqual([422, refusal.code]);
      expect(body.errors?.[0]?.pointer).toMatch(/^\/epcisBody\/eventList\/\d+$/);
      expect(await snapshot()).toEqual(before);
      return;
    }
    expect(response.status, JSON.stringify(body)).toBe(202);
    expect(body).toMatchObject({ success: true, running: false, errors: [] });
    // Every event of the document can be read back by its ID (an error declaration by the ID of the event it declares).
    const ids = [...new Set(parseEpcisDocument(documentForCapture(readArtefact(file))).events.map((e) => e.hashId))];
    const found = await queryEpcisEvents(holder.actor, readEventQuery(new URLSearchParams({ EQ_eventID: ids.join('|'), perPage: '1000' })));
    const eventIds = new Set(eventListOf(found.document).map((e) => e.eventID));
    expect(ids.filter((id) => !eventIds.has(id))).toEqual([]);
  });

  it('gives every captured example back in a query document GS1\'s schema accepts', async () => {
    const page = await queryEpcisEvents(holder.actor, readEventQuery(new URLSearchParams({ perPage: '1000' })));
    const events = eventListOf(page.document);
    expect(events.length).toBeGreaterThanOrEqual(40);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']));
    const gs1 = validateWithGs1Schema(page.document);
    expect(gs1.valid, describeSchemaErrors(gs1.errors)).toBe(true);
  });
});

function eventListOf(document: Record<string, unknown>): { eventID: string; type: string }[] {
  return (document.epcisBody as { queryResults: { resultsBody: { eventList: { eventID: string; type: string }[] } } }).queryResults.resultsBody.eventList;
}
