import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readArtefact } from '../testing/gs1-artefacts';
import { eventHashId, eventPreHashString, isEventHashId } from './event-hash-id';

/*
 * Known answers for the CBV 2.0 event hash ID (CBV 2.0 §8.9). Each expected
 * pre-hash string below was written by hand from the algorithm's rules, not
 * produced by this code: field by field in the canonical property order,
 * key=value, no separators, lists sorted by code point, identifiers as
 * canonical GS1 Digital Links on id.gs1.org (check digits computed with the
 * GS1 mod-10 rule), vocabulary values as GS1 Web URIs, times in UTC with
 * milliseconds and Z. The expected digest is computed here, independently,
 * with node:crypto from the literal string; the implementation must give
 * both. To reproduce a digest by hand:
 *   printf '%s' '<pre-hash string>' | sha256sum
 */

type TEvent = Record<string, unknown>;

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function expectKnownAnswer(event: TEvent, context: unknown, lines: string[]): void {
  const preHash = lines.join('');
  expect(eventPreHashString(event, context)).toBe(preHash);
  expect(eventHashId(event, context)).toBe(`ni:///sha-256;${sha256Hex(preHash)}?ver=CBV2.0`);
}

describe('eventHashId known answers', () => {
  it('hashes GS1 test ObjectEvent.json (and explains why its published eventID differs)', () => {
    const event = readArtefact<TEvent>('JSON-Schema', 'test', 'ObjectEvent.json');
    expectKnownAnswer(event, event['@context'], [
      'eventType=ObjectEvent',
      // 2005-04-03T20:33:31.116000-06:00 is 6 hours behind UTC: 02:33:31.116 the next day.
      'eventTime=2005-04-04T02:33:31.116Z',
      'eventTimeZoneOffset=-06:00',
      // urn:epc:id:sgtin:0614141.107346.2017: indicator 1 + company prefix 0614141 + item reference 07346
      // = 1061414107346, check digit 4 -> GTIN 10614141073464, serial 2017. The two EPCs sorted.
      'epcList',
      'epc=https://id.gs1.org/01/10614141073464/21/2017',
      'epc=https://id.gs1.org/01/10614141073464/21/2018',
      'action=OBSERVE',
      // Bare CBV words become GS1 Web URIs.
      'bizStep=https://ref.gs1.org/cbv/BizStep-shipping',
      'disposition=https://ref.gs1.org/cbv/Disp-in_transit',
      // urn:epc:id:sgln:0614141.07346.1234: GLN 061414107346 + check digit 7, extension 1234 as AI 254.
      'readPoint',
      'id=https://id.gs1.org/414/0614141073467/254/1234',
      // The transaction ID is not a GS1 key and stays as sent; its type follows it (rule 13).
      'bizTransactionList',
      'bizTransaction=http://transaction.acme.com/po/12345678',
      'type=https://ref.gs1.org/cbv/BTT-po',
      // eventID is not part of the hash.
    ]);
    // The eventID GS1 publishes for this event is the SHA-256 of the pre-hash string of a draft of the
    // algorithm that predates CBV 2.0: same order, but EPC URNs and CBV URNs kept as URNs (the Digital
    // Link and Web URI rules 14-17 came later). Reproduced here so the difference is explained, not assumed.
    const draftPreHash =
      'eventType=ObjectEventeventTime=2005-04-04T02:33:31.116ZeventTimeZoneOffset=-06:00' +
      'epcListepc=urn:epc:id:sgtin:0614141.107346.2017epc=urn:epc:id:sgtin:0614141.107346.2018action=OBSERVE' +
      'bizStep=urn:epcglobal:cbv:bizstep:shippingdisposition=urn:epcglobal:cbv:disp:in_transit' +
      'readPointid=urn:epc:id:sgln:0614141.07346.1234' +
      'bizTransactionListbizTransaction=http://transaction.acme.com/po/12345678type=urn:epcglobal:cbv:btt:po';
    expect(`ni:///sha-256;${sha256Hex(draftPreHash)}?ver=CBV2.0`).toBe(event.eventID);
    expect(eventHashId(event, event['@context'])).not.toBe(event.eventID);
  });

  it('reproduces the published eventID of GS1 test AssociationEvent.json from the same pre-2.0 draft', () => {
    const event = readArtefact<TEvent>('JSON-Schema', 'test', 'AssociationEvent.json');
    const draftPreHash =
      'eventType=AssociationEventeventTime=2019-11-01T13:00:00.000ZeventTimeZoneOffset=+01:00' +
      'parentID=urn:epc:id:grai:4012345.55555.987childEPCsepc=urn:epc:id:giai:4000001.12345action=ADD' +
      'bizStep=urn:epcglobal:cbv:bizstep:assemblingreadPointid=urn:epc:id:sgln:4012345.00001.0';
    expect(`ni:///sha-256;${sha256Hex(draftPreHash)}?ver=CBV2.0`).toBe(event.eventID);
    expectKnownAnswer(event, event['@context'], [
      'eventType=AssociationEvent',
      'eventTime=2019-11-01T13:00:00.000Z',
      'eventTimeZoneOffset=+01:00',
      // grai 4012345.55555.987: "0" + 401234555555 + check digit 4, then the serial 987 (AI 8003).
      'parentID=https://id.gs1.org/8003/04012345555554987',
      // giai 4000001.12345: company prefix + asset reference (AI 8004).
      'childEPCsepc=https://id.gs1.org/8004/400000112345',
      'action=ADD',
      'bizStep=https://ref.gs1.org/cbv/BizStep-assembling',
      'readPointid=https://id.gs1.org/414/4012345000016',
    ]);
  });

  it('hashes GS1 test AggregationEvent.json: SSCC parent, children, quantities, an extension field', () => {
    const event = readArtefact<TEvent>('JSON-Schema', 'test', 'AggregationEvent.json');
    expectKnownAnswer(event, event['@context'], [
      'eventType=AggregationEvent',
      'eventTime=2013-06-08T14:58:56.591Z',
      'eventTimeZoneOffset=+02:00',
      // urn:epc:id:sscc:0614141.1234567890: extension digit 1 + prefix 0614141 + serial reference 234567890
      // = 10614141234567890, check digit 8. parentID comes after epcList (absent) and before childEPCs.
      'parentID=https://id.gs1.org/00/106141412345678908',
      'childEPCs',
      'epc=https://id.gs1.org/01/10614141073464/21/2017',
      'epc=https://id.gs1.org/01/10614141073464/21/2018',
      // lgtin 4012345.012345.998877 -> GTIN 0401234512345+6, lot 998877; idpat sgtin 4012345.098765.*
      // -> GTIN 0401234598765+2 alone. Each element is "quantityElement" + epcClass, quantity, uom;
      // sorted, "...04012345123456..." before "...04012345987652...". 200.5 and 10 as written.
      'childQuantityList',
      'quantityElementepcClass=https://id.gs1.org/01/04012345123456/10/998877quantity=200.5uom=KGM',
      'quantityElementepcClass=https://id.gs1.org/01/04012345987652quantity=10',
      'action=OBSERVE',
      'bizStep=https://ref.gs1.org/cbv/BizStep-receiving',
      'disposition=https://ref.gs1.org/cbv/Disp-in_progress',
      // SGLN extension "0" means "no extension": the GLN alone.
      'readPointid=https://id.gs1.org/414/0614141007776',
      'bizLocationid=https://id.gs1.org/414/0614141008889',
      // "example:myField" with "example": "https://example.org/epcis" in the @context: {namespace}name=value.
      '{https://example.org/epcis}myField=Example of a vendor/user extension',
    ]);
  });

  it('hashes GS1 test TransformationEvent.json: inputs, outputs, ILMD and an extension field', () => {
    const event = readArtefact<TEvent>('JSON-Schema', 'test', 'TransformationEvent.json');
    expectKnownAnswer(event, event['@context'], [
      'eventType=TransformationEvent',
      'eventTime=2013-10-31T14:58:56.591Z',
      'eventTimeZoneOffset=+02:00',
      // sgtin 4000001.065432.99886655 -> GTIN 0400000165432+1; sgtin 4012345.011122.25 -> 0401234511122+4. Sorted.
      'inputEPCList',
      'epc=https://id.gs1.org/01/04000001654321/21/99886655',
      'epc=https://id.gs1.org/01/04012345111224/21/25',
      // lgtin 0614141.077777.987 -> GTIN 0061414177777+8; lgtin 4012345.011111.4444 -> 0401234511111+8;
      // idpat sgtin 4012345.066666.* -> 0401234566666+3. Sorted by the whole element string.
      'inputQuantityList',
      'quantityElementepcClass=https://id.gs1.org/01/00614141777778/10/987quantity=30',
      'quantityElementepcClass=https://id.gs1.org/01/04012345111118/10/4444quantity=10uom=KGM',
      'quantityElementepcClass=https://id.gs1.org/01/04012345666663quantity=220',
      // sgtin 4012345.077889.* -> GTIN 0401234577889+2; serials 25-28.
      'outputEPCList',
      'epc=https://id.gs1.org/01/04012345778892/21/25',
      'epc=https://id.gs1.org/01/04012345778892/21/26',
      'epc=https://id.gs1.org/01/04012345778892/21/27',
      'epc=https://id.gs1.org/01/04012345778892/21/28',
      'bizStep=https://ref.gs1.org/cbv/BizStep-commissioning',
      'disposition=https://ref.gs1.org/cbv/Disp-in_progress',
      'readPointid=https://id.gs1.org/414/4012345000016',
      // ILMD fields as {namespace}name=value, sorted (rule 19), after "ilmd".
      'ilmd',
      '{https://example.org/epcis}batch=XYZ',
      '{https://example.org/epcis}bestBeforeDate=2014-12-10',
      // Then the user extension (rule 20).
      '{https://example.org/epcis}myField=Example of a vendor/user extension',
    ]);
  });

  it('hashes sensor data with extension fields inside the sensor element and at the top', () => {
    const context = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { example: 'https://ns.example.com/epcis/' }];
    const event: TEvent = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'inspecting',
      epcList: ['urn:epc:id:sgtin:4012345.011111.9876'],
      eventTime: '2019-04-02T15:00:00.000+01:00',
      eventTimeZoneOffset: '+01:00',
      readPoint: { id: 'urn:epc:id:sgln:4012345.00005.0' },
      sensorElementList: [
        {
          sensorMetadata: { time: '2019-04-02T14:05:00.000+01:00', deviceID: 'urn:epc:id:giai:4000001.111', 'example:calibration': '2019-01-01' },
          sensorReport: [
            { type: 'Temperature', value: 26.0, uom: 'CEL' },
            { type: 'AbsoluteHumidity', value: 12.1, uom: 'A93', 'example:cv': 123 },
          ],
        },
      ],
      'example:batchNote': '  cold chain ok ',
    };
    expectKnownAnswer(event, context, [
      'eventType=ObjectEvent',
      'eventTime=2019-04-02T14:00:00.000Z',
      'eventTimeZoneOffset=+01:00',
      // sgtin 4012345.011111.9876 -> GTIN 0401234511111+8.
      'epcListepc=https://id.gs1.org/01/04012345111118/21/9876',
      'action=OBSERVE',
      'bizStep=https://ref.gs1.org/cbv/BizStep-inspecting',
      // sgln 4012345.00005.0 -> GLN 401234500005+4, no extension.
      'readPointid=https://id.gs1.org/414/4012345000054',
      // CBV 2.0 writes no "sensorElementList" name. Metadata fields in their order, times in UTC, the GIAI
      // URN 4000001.111 as AI 8004 "4000001111"; reports sorted ("AbsoluteHumidity" before "Temperature"),
      // measurement types as https://gs1.org/voc/ URIs, 26.0 as "26".
      'sensorElement',
      'sensorMetadatatime=2019-04-02T13:05:00.000ZdeviceID=https://id.gs1.org/8004/4000001111',
      'sensorReporttype=https://gs1.org/voc/AbsoluteHumidityvalue=12.1uom=A93',
      'sensorReporttype=https://gs1.org/voc/Temperaturevalue=26uom=CEL',
      // Extensions: the sensor element's own, under the names of the parts that hold them, then the
      // top-level field, trimmed (rule 5); "sensorElement..." sorts before "{...".
      'sensorElementsensorMetadata{https://ns.example.com/epcis/}calibration=2019-01-01sensorReport{https://ns.example.com/epcis/}cv=123',
      '{https://ns.example.com/epcis/}batchNote=cold chain ok',
    ]);
  });

  it('gives a Digital Link EPC on any host the same hash as the same EPC written as a URN', () => {
    const asDigitalLink: TEvent = {
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'dispensing',
      disposition: 'dispensed',
      epcList: ['https://pharma.example/01/09506000134352/10/LOT42/21/SN12345?17=271231'],
      eventTime: '2026-01-02T04:04:05.120+01:00',
      eventTimeZoneOffset: '+01:00',
      bizLocation: { id: 'https://id.gs1.org/414/9506000134307' },
    };
    const asUrn: TEvent = {
      eventTimeZoneOffset: '+01:00',
      eventTime: '2026-01-02T03:04:05.12Z',
      bizLocation: { id: 'urn:epc:id:sgln:9506000.13430.0' },
      epcList: ['urn:epc:id:sgtin:9506000.013435.SN12345'],
      disposition: 'https://ref.gs1.org/cbv/Disp-dispensed',
      bizStep: 'urn:epcglobal:cbv:bizstep:dispensing',
      action: 'OBSERVE',
      type: 'ObjectEvent',
    };
    const lines = [
      'eventType=ObjectEvent',
      // 04:04:05.120+01:00 and 03:04:05.12Z are the same instant.
      'eventTime=2026-01-02T03:04:05.120Z',
      'eventTimeZoneOffset=+01:00',
      // Host replaced by id.gs1.org, query (?17=expiry) dropped, and only the finest level kept: with a
      // serial, the lot goes (rule 18). sgtin 9506000.013435.SN12345 -> GTIN 0950600013435+2, serial SN12345.
      'epcListepc=https://id.gs1.org/01/09506000134352/21/SN12345',
      'action=OBSERVE',
      'bizStep=https://ref.gs1.org/cbv/BizStep-dispensing',
      'disposition=https://ref.gs1.org/cbv/Disp-dispensed',
      // sgln 9506000.13430.0 -> GLN 950600013430+7.
      'bizLocationid=https://id.gs1.org/414/9506000134307',
    ];
    expectKnownAnswer(asDigitalLink, undefined, lines);
    expectKnownAnswer(asUrn, undefined, lines);
  });

  it('hashes a TransactionEvent: untyped and typed transactions, source and destination parties', () => {
    const event: TEvent = {
      type: 'TransactionEvent',
      action: 'ADD',
      bizStep: 'shipping',
      disposition: 'in_transit',
      bizTransactionList: [
        { type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:9506000134307:PO-77' },
        { bizTransaction: 'https://erp.example/invoice/9' },
      ],
      epcList: ['urn:epc:id:sscc:9506000.1000000017'],
      eventTime: '2026-03-01T10:00:00Z',
      eventTimeZoneOffset: '+00:00',
      sourceList: [{ type: 'owning_party', source: 'urn:epc:id:pgln:9506000.13430' }],
      destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:9506000.13430.7' }],
    };
    expectKnownAnswer(event, undefined, [
      'eventType=TransactionEvent',
      // No fraction given: zero-filled to .000 (rule 9).
      'eventTime=2026-03-01T10:00:00.000Z',
      'eventTimeZoneOffset=+00:00',
      // sscc 9506000.1000000017: extension digit 1 + prefix 9506000 + serial reference 000000017, check digit 3.
      'epcListepc=https://id.gs1.org/00/195060000000000173',
      'action=ADD',
      'bizStep=https://ref.gs1.org/cbv/BizStep-shipping',
      'disposition=https://ref.gs1.org/cbv/Disp-in_transit',
      // Each transaction is id then type; the two sorted ("https:" before "urn:"); the untyped one has no type.
      'bizTransactionList',
      'bizTransaction=https://erp.example/invoice/9',
      'bizTransaction=urn:epcglobal:cbv:bt:9506000134307:PO-77type=https://ref.gs1.org/cbv/BTT-po',
      // pgln 9506000.13430 -> party GLN 950600013430+7 (AI 417); sgln with extension 7 -> 414 + 254.
      'sourceListsource=https://id.gs1.org/417/9506000134307type=https://ref.gs1.org/cbv/SDT-owning_party',
      'destinationListdestination=https://id.gs1.org/414/9506000134307/254/7type=https://ref.gs1.org/cbv/SDT-location',
    ]);
  });
});

describe('eventHashId exclusions and sensitivity', () => {
  const base = (): TEvent => readArtefact<TEvent>('JSON-Schema', 'test', 'ObjectEvent.json');

  it('ignores eventID, recordTime, certificationInfo, errorDeclaration and rdfs:comment', () => {
    const event = base();
    const decorated: TEvent = {
      ...event,
      eventID: 'urn:uuid:6bd7ef4e-7a89-4c8d-9a24-6a1b8fcb0f7e',
      recordTime: '2030-01-01T00:00:00Z',
      certificationInfo: 'https://accreditation.example/cert/1',
      errorDeclaration: { declarationTime: '2030-01-02T00:00:00Z', reason: 'incorrect_data' },
      'rdfs:comment': 'a note',
    };
    expect(eventHashId(decorated)).toBe(eventHashId(event));
  });

  it('changes with any field that says what happened', () => {
    const original = eventHashId(base());
    const changes: TEvent[] = [
      { ...base(), action: 'ADD' },
      { ...base(), bizStep: 'receiving' },
      { ...base(), eventTime: '2005-04-03T20:33:31.117-06:00' },
      { ...base(), eventTimeZoneOffset: '-05:00' },
      { ...base(), epcList: ['urn:epc:id:sgtin:0614141.107346.2017'] },
      { ...base(), readPoint: { id: 'urn:epc:id:sgln:0614141.07346.1235' } },
      { ...base(), 'example:flag': true },
    ];
    for (const changed of changes) expect(eventHashId(changed, ['x', { example: 'https://example.com/' }])).not.toBe(original);
  });

  it('writes the ni URI of RFC 6920 with the CBV version', () => {
    const id = eventHashId(base());
    expect(isEventHashId(id)).toBe(true);
    expect(id).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(isEventHashId(id.replace('CBV2.0', 'CBV2.1'))).toBe(false);
  });

  it('refuses something that is not an event', () => {
    expect(() => eventHashId({ type: 'ObjectEvent' })).toThrow(expect.objectContaining({ code: 'epcis_validation_failed' }));
    expect(() => eventHashId({ eventTime: '2020-01-01T00:00:00Z' })).toThrow(expect.objectContaining({ code: 'epcis_validation_failed' }));
  });
});
