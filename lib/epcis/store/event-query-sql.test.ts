import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, type TEventQuery } from '../query/event-query';
import { eventCountSql, eventQuerySql, likePrefix } from './event-query-sql';

const bounds = { highWaterMark: '1000', after: null, limit: 31, partyOrgId: '7d1c2a9e-5b1f-4a57-9f63-3d0f0c4b2a10' };

describe('the SQL of an event query', () => {
  it('carries every value as a bind parameter, never in the text', () => {
    // Marked values: whatever they contain (quotes, semicolons, SQL), the mark must not reach the SQL text.
    const text = fc.string({ maxLength: 40 }).map((s) => `§${s}§`);
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const query: TEventQuery = { ...EMPTY_QUERY, bizSteps: [a], readPoints: [b], eventIds: [c], matches: [{ parameter: 'MATCH_epc', roles: ['epc'], keys: [a], prefixes: [b] }] };
        const sql = eventQuerySql(query, { ...bounds, after: { sort: null, id: '5' } });
        expect(sql.text.includes('§')).toBe(false);
        for (const value of [a, b, c]) expect(JSON.stringify(sql.values)).toContain(JSON.stringify(value).slice(1, -1));
        expect(sql.values).toContain(bounds.partyOrgId);
      }),
    );
  });

  it('drives a MATCH_ query from event_epcs and bounds it by the snapshot', () => {
    const query: TEventQuery = { ...EMPTY_QUERY, matches: [{ parameter: 'MATCH_epc', roles: ['epc', 'child'], keys: ['01/09506000134352/21/1'], prefixes: [] }] };
    const sql = eventQuerySql(query, bounds);
    const driving = /FROM \(SELECT DISTINCT x\.event_id FROM event_epcs x WHERE x\.epc = ANY\(\$(\d+)::text\[\]\) AND x\.role = ANY\(\$(\d+)::text\[\]\) AND x\.event_id <= \$(\d+)::bigint\) m JOIN events e/.exec(sql.text);
    expect(driving, sql.text).not.toBeNull();
    expect(driving!.slice(1).map((n) => sql.values[Number(n) - 1])).toEqual([['01/09506000134352/21/1'], ['epc', 'child'], '1000']);
  });

  it('pages by (sort value, id) in the query\'s direction', () => {
    const sql = eventQuerySql({ ...EMPTY_QUERY, orderBy: 'eventTime', orderDirection: 'DESC' }, { ...bounds, after: { sort: '2026-01-01T00:00:00.000Z', id: '77' } });
    expect(sql.text).toMatch(/\(e\.event_time, e\.id\) < \(\$\d+::timestamptz, \$\d+::bigint\)/);
    expect(sql.text).toMatch(/ORDER BY e\.event_time DESC, e\.id DESC/);
    const ledger = eventQuerySql(EMPTY_QUERY, { ...bounds, after: { sort: null, id: '77' } });
    expect(ledger.text).toMatch(/e\.id > \$\d+::bigint/);
  });

  it('counts at most what maxEventCount needs', () => {
    const sql = eventCountSql(EMPTY_QUERY, bounds, 11);
    expect(sql.text).toMatch(/^SELECT count\(\*\)::int AS n FROM \(/);
    expect(sql.values[sql.values.length - 1]).toBe(11);
  });

  it('escapes LIKE wildcards in prefixes', () => {
    expect(likePrefix('01/x%_\\/21/')).toBe('01/x\\%\\_\\\\/21/%');
  });
});
