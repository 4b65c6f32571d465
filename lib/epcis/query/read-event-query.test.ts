import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { EMPTY_QUERY } from './event-query';
import { DEFAULT_PER_PAGE } from './paging';
import { epcPathFilter, eventTypePathFilter } from './path-filters';
import { readEventQuery } from './read-event-query';

const read = (search: string) => readEventQuery(new URLSearchParams(search));

function problem(search: string): AppError {
  try {
    read(search);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`expected ${search} to be refused`);
}

describe('readEventQuery', () => {
  it('reads nothing as every event in ledger order, 30 a page', () => {
    expect(read('')).toEqual({ query: EMPTY_QUERY, perPage: DEFAULT_PER_PAGE, nextPageToken: null });
  });

  it('reads values into the form events are stored in', () => {
    const { query, perPage } = read(
      new URLSearchParams({
        eventType: 'ObjectEvent|https://ns.example.com/epcis/ColdCheck',
        GE_eventTime: '2026-01-01T01:00:00+01:00',
        LT_recordTime: '2026-02-01T00:00:00.5Z',
        EQ_bizStep: 'shipping|https://ref.gs1.org/cbv/BizStep-receiving|urn:epcglobal:cbv:bizstep:dispensing|https://example.com/steps/relabel',
        EQ_disposition: 'in_transit',
        EQ_readPoint: 'urn:epc:id:sgln:9506000.13430.0',
        MATCH_epc: 'urn:epc:id:sgtin:9506000.013435.SN1|https://id.gs1.org/01/09506000134352/21/SN2',
        EQ_eventID: 'ni:///sha-256;' + 'a'.repeat(64) + '?ver=CBV2.0',
        perPage: '500',
      }).toString(),
    );
    expect(query).toMatchObject({
      eventTypes: ['ObjectEvent', 'https://ns.example.com/epcis/ColdCheck'],
      eventTime: { from: '2026-01-01T00:00:00.000Z', before: null },
      recordTime: { from: null, before: '2026-02-01T00:00:00.500Z' },
      bizSteps: ['shipping', 'receiving', 'dispensing', 'https://example.com/steps/relabel'],
      dispositions: ['in_transit'],
      readPoints: ['414/9506000134307'],
      matches: [{ parameter: 'MATCH_epc', roles: ['epc', 'child'], keys: ['01/09506000134352/21/SN1', '01/09506000134352/21/SN2'], prefixes: [] }],
      eventIds: ['ni:///sha-256;' + 'a'.repeat(64) + '?ver=CBV2.0'],
    });
    expect(perPage).toBe(500);
  });

  it('reads an EPC pattern as every pack of the GTIN, and as every class of it for MATCH_epcClass', () => {
    const pattern = 'urn:epc:idpat:sgtin:9506000.013435.*';
    expect(read(`MATCH_anyEPC=${pattern}`).query.matches[0]).toMatchObject({ keys: [], prefixes: ['01/09506000134352/21/'] });
    expect(read(`MATCH_epcClass=${pattern}`).query.matches[0]).toMatchObject({ keys: ['01/09506000134352'], prefixes: ['01/09506000134352/10/'], excludeTransformations: true });
  });

  it('adds repeated list parameters to the alternatives, and reads a + that arrived as a space', () => {
    expect(read('EQ_action=ADD&EQ_action=DELETE').query.actions).toEqual(['ADD', 'DELETE']);
    expect(read('GE_eventTime=2026-01-01T01:00:00 01:00').query.eventTime.from).toBe('2026-01-01T00:00:00.000Z');
  });

  it('orders DESC when orderBy is given without a direction, and keeps ledger order without orderBy', () => {
    expect(read('orderBy=eventTime').query).toMatchObject({ orderBy: 'eventTime', orderDirection: 'DESC' });
    expect(read('orderBy=recordTime&orderDirection=ASC&eventCountLimit=5').query).toMatchObject({ orderBy: 'recordTime', orderDirection: 'ASC', eventCountLimit: 5 });
    expect(read('orderDirection=DESC').query).toMatchObject({ orderBy: 'ledger', orderDirection: 'ASC' });
  });

  it('refuses every problem at once, naming each parameter, with the code of the first', () => {
    const error = problem('colour=red&EQ_quantity=1&GE_eventTime=now&EQ_bizStep=shipped|&perPage=0');
    expect(error.code).toBe('epcis_query_parameter_unknown');
    expect(error.status).toBe(400);
    expect(error.extra).toMatchObject({ parameter: 'colour' });
    expect(error.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/colour', 'epcis_query_parameter_unknown'],
      ['/EQ_quantity', 'epcis_query_parameter_unsupported'],
      ['/GE_eventTime', 'epcis_query_parameter_invalid'],
      ['/EQ_bizStep', 'epcis_query_parameter_invalid'],
      ['/EQ_bizStep', 'epcis_query_parameter_invalid'],
      ['/perPage', 'epcis_query_parameter_invalid'],
    ]);
    expect(error.errors?.[3]?.detail).toBe("EQ_bizStep has an empty value; separate alternatives with |");
    expect(error.errors?.[4]?.detail).toMatch(/^EQ_bizStep 'shipped' is not a CBV business step; use e.g. 'shipping'/);
  });

  it('refuses the families of standard parameters it does not answer rather than ignoring them', () => {
    for (const name of ['EQ_bizTransaction_po', 'EQ_source_owning_party', 'GT_value_KGM', 'EQ_INNER_ILMD_example:lot', 'EXISTS_ilmd', 'WD_readPoint', 'MATCH_inputEPCClass']) {
      expect(problem(`${encodeURIComponent(name)}=1`).code, name).toBe('epcis_query_parameter_unsupported');
    }
    expect(problem('MATCH_colour=1').code).toBe('epcis_query_parameter_unknown');
  });

  it('refuses what EPCIS forbids: eventCountLimit without orderBy or with maxEventCount, a scalar given twice', () => {
    expect(problem('eventCountLimit=3').errors?.[0]?.detail).toMatch(/^eventCountLimit needs orderBy/);
    expect(problem('orderBy=eventTime&eventCountLimit=3&maxEventCount=3').errors?.[0]?.detail).toMatch(/cannot be combined/);
    expect(problem('GE_eventTime=2026-01-01T00:00:00Z&GE_eventTime=2026-01-02T00:00:00Z').errors?.[0]?.detail).toBe('GE_eventTime is given more than once');
    expect(problem('eventType=objectevent').errors?.[0]?.pointer).toBe('/eventType');
  });

  it('applies what the path says together with the query string', () => {
    const both = readEventQuery(new URLSearchParams('eventType=ObjectEvent|AggregationEvent'), eventTypePathFilter('ObjectEvent'));
    expect(both.query.eventTypes).toEqual(['ObjectEvent']);
    const none = readEventQuery(new URLSearchParams('eventType=AggregationEvent'), eventTypePathFilter('ObjectEvent'));
    expect(none.query.eventTypes).toEqual([]);
    const epc = readEventQuery(new URLSearchParams('MATCH_epc=urn:epc:id:sgtin:9506000.013435.SN1'), epcPathFilter('https://id.gs1.org/00/395060001000000013'));
    expect(epc.query.matches.map((m) => [m.parameter, m.keys])).toEqual([
      ['epc', ['00/395060001000000013']],
      ['MATCH_epc', ['01/09506000134352/21/SN1']],
    ]);
    expect(() => epcPathFilter('urn:epc:id:sscc:1')).toThrow(expect.objectContaining({ code: 'epcis_query_parameter_invalid', status: 400 }));
  });
});
