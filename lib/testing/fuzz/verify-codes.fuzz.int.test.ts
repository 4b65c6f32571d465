import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as lvmGet } from '@/app/api/v1/lvm/01/[gtin]/10/[lot]/21/[serial]/route';
import { GET as proofGet } from '@/app/api/v1/proofs/[eventId]/route';
import { GET as verifyGet } from '@/app/api/v1/verify/route';
import { epcKey, toDigitalLink, toElementString, toSgtinUrn, type TGs1Fields } from '@/lib/gs1';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { sealWaiting } from '@/lib/ledger';
import { allEventIds, eventIdOfRow } from '@/lib/ledger/testing/ledger-rows';
import { digitalLinkOf, lvmLocation } from '@/lib/verification/resolve-digital-link';
import { clientAddress, expectClearAnswer, fuzzRuns, tally } from './clear-answer';
import { anyCode, hugeText, nearMiss, randomText } from './malformed-codes';

/*
 * The public verification surface fed thousands of generated, mostly
 * malformed inputs through the real route handlers (as Next.js calls them:
 * a Request, the decoded path segments): barcode strings and typed fields
 * to GET /api/v1/verify, GS1 Digital Link addresses (/01/...) as the
 * resolver page reads them, the LVM verification route they redirect to,
 * and proof requests. Every answer is a 2xx or a problem+json 4xx with a
 * stable code and words for a person; never a 5xx (withApi turns anything
 * unexpected into 500 internal, so a crash of a handler shows as one).
 */
let n: TTestNetwork;
let realCodes: string[];
let eventIds: string[];
const BASE = 'http://verify.test';

beforeAll(async () => {
  n = await createTestNetwork(4);
  const fields: TGs1Fields = { gtin: n.batch.gtin, lot: n.batch.lot, expiry: n.batch.expiry, serial: n.serials[0]! };
  realCodes = [n.code(0), n.code(1), toElementString(fields, { symbologyIdentifier: true }), toDigitalLink(fields, 'https://id.gs1.org'), toSgtinUrn(n.batch.gtin, n.serials[2]!, 7)];
  await sealWaiting();
  eventIds = await Promise.all((await allEventIds()).map(eventIdOfRow));
}, 120_000);

const verify = (query: string) => verifyGet(new Request(`${BASE}/api/v1/verify?${query}`, { headers: { 'x-forwarded-for': clientAddress() } }));
const param = (name: string, value: string) => `${name}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'))}`;

const field = fc.oneof(randomText, fc.stringMatching(/^\d{0,16}$/), fc.constantFrom('2027-03-31', '2027-02-30', '13/2027', '270231', '2027-13', '99-99-99', ' ', ''));
/** A query string of /api/v1/verify: a code, typed fields, both, repeated keys, or raw text never encoded. */
const verifyQuery = (codes: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 8, arbitrary: codes.map((code) => param('code', code)) },
    { weight: 2, arbitrary: fc.tuple(codes, field, field, field, field).map(([code, gtin, lot, serial, expiry]) => [param('code', code), param('gtin', gtin), param('lot', lot), param('serial', serial), param('expiry', expiry)].join('&')) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(n.batch.gtin, '09506000134352', ''), field, field, field).map(([gtin, lot, serial, expiry]) => [param('gtin', gtin), param('lot', lot), param('serial', serial), param('expiry', expiry)].join('&')) },
    { weight: 1, arbitrary: fc.tuple(codes, codes).map(([a, b]) => `${param('code', a)}&${param('code', b)}`) },
    { weight: 1, arbitrary: randomText.map((text) => text.replace(/[#\ud800-\udfff]/g, '')) },
  );

describe('GET /api/v1/verify with generated barcode strings and fields', () => {
  it('answers every one clearly: a verdict, or a problem+json 4xx with a code', async () => {
    const statuses = tally();
    await fc.assert(
      fc.asyncProperty(verifyQuery(anyCode(realCodes)), async (query) => {
        statuses.add((await expectClearAnswer(await verify(query), query)).status);
      }),
      fuzzRuns(5_000),
    );
    console.info(`verify codes: ${statuses.summary()}`);
    expect(statuses.total()).toBeGreaterThanOrEqual(5_000);
  }, 90_000);

  it('answers codes past every length limit with 422, not a timeout or a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hugeText, async (code) => {
        expect((await expectClearAnswer(await verify(param('code', code)), code.slice(0, 40))).status).toBe(422);
      }),
      fuzzRuns(50),
    );
  });
});

/** Lone surrogates as U+FFFD: what percent-decoding can produce (the router answers 400 itself for what it cannot decode). */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');
/** A path segment or query value as Next's router hands it over: decoded, so any well-formed text (including "/" and "%"). */
const decoded = () => fc.oneof(randomText, fc.constantFrom(...realCodes).chain(nearMiss), fc.stringMatching(/^\d{0,15}$/)).map(wellFormed);
/** A path segment: never empty (Next's router collapses repeated slashes before it matches a route). */
const segment = () => decoded().filter((s) => s !== '');
const qualifiers = () =>
  fc.oneof(
    fc.array(segment(), { maxLength: 6 }),
    fc.tuple(fc.constantFrom('10', '10', '21', '22'), fc.oneof(segment(), fc.constantFrom(n.batch.lot)), fc.constantFrom('21', '10', '17'), fc.oneof(segment(), fc.constantFrom(...n.serials))).map((q) => [...q]),
  );
const linkPair = () => fc.tuple(fc.constantFrom('17', '10', '21', '7003', 'linkType', 'context', 'reqGLN', 'corrUUID', 'x'), fc.oneof(decoded(), fc.constantFrom('gs1:verificationService', '301231', n.pharmacy.gln)));
/** Query pairs, half of them asking for the verification service (GS1 LVM), which the page redirects. */
const linkQuery = () =>
  fc.tuple(fc.boolean(), fc.array(linkPair(), { maxLength: 4 })).map(([lvm, pairs]): [string, string][] => (lvm ? [['linkType', 'gs1:verificationService'], ...pairs] : pairs));

/** The query object Next gives a page: repeated names become arrays. */
function searchParamsOf(pairs: [string, string][]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const present = out[name];
    out[name] = present === undefined ? value : [...(Array.isArray(present) ? present : [present]), value];
  }
  return out;
}

/** The LVM route a verification-service redirect leads to, called as Next would route `location`. */
async function followLvm(location: string): Promise<Response> {
  const url = new URL(location, BASE);
  const [gtin, lot, serial] = url.pathname.match(/^\/api\/v1\/lvm\/01\/([^/]+)\/10\/([^/]+)\/21\/([^/]+)$/)!.slice(1).map(decodeURIComponent);
  return lvmGet(new Request(url, { headers: { authorization: `Bearer ${n.pharmacy.apiKey}` } }), { params: Promise.resolve({ gtin: gtin!, lot: lot!, serial: serial! }) });
}

describe('GS1 Digital Link addresses (/01/{gtin}/...) with generated segments and query', () => {
  it('resolve to a clear verdict or refusal, and verification-service requests to an LVM answer', async () => {
    const [statuses, redirected] = [tally(), tally()];
    await fc.assert(
      fc.asyncProperty(fc.oneof(segment(), fc.constantFrom(n.batch.gtin)), qualifiers(), linkQuery(), async (gtin, rest, pairs) => {
        const query = searchParamsOf(pairs);
        const location = lvmLocation(gtin, rest, query);
        const link = digitalLinkOf(gtin, rest, query);
        const input = { gtin, rest, query, link };
        statuses.add((await expectClearAnswer(await verify(param('code', link)), input)).status);
        if (location) redirected.add((await expectClearAnswer(await followLvm(location), { ...input, location })).status);
      }),
      fuzzRuns(2_000),
    );
    console.info(`digital links: ${statuses.summary()}; redirected to LVM: ${redirected.summary()}`);
  }, 60_000);

  it('answers LVM requests with any path segments and query clearly', async () => {
    const statuses = tally();
    await fc.assert(
      fc.asyncProperty(fc.oneof(segment(), fc.constantFrom(n.batch.gtin)), fc.oneof(segment(), fc.constantFrom(n.batch.lot)), fc.oneof(segment(), fc.constantFrom(...n.serials)), linkQuery(), async (gtin, lot, serial, pairs) => {
        const search = pairs.map(([k, v]) => param(k, v)).join('&');
        const request = new Request(`${BASE}/api/v1/lvm/01/x/10/x/21/x?${search}`, { headers: { authorization: `Bearer ${n.pharmacy.apiKey}` } });
        statuses.add((await expectClearAnswer(await lvmGet(request, { params: Promise.resolve({ gtin, lot, serial }) }), { gtin, lot, serial, search })).status);
      }),
      fuzzRuns(1_000),
    );
    console.info(`lvm: ${statuses.summary()}`);
  }, 60_000);
});

describe('GET /api/v1/proofs/{eventId} with generated event ids and codes', () => {
  it('answers every one clearly: a bundle, the wait for the seal, or a problem+json 4xx', async () => {
    const statuses = tally();
    const packKey = epcKey({ gtin: n.batch.gtin, serial: n.serials[0]! });
    const eventId = fc.oneof(fc.constantFrom(...eventIds), fc.constantFrom(...eventIds).chain(nearMiss).map(wellFormed), fc.constantFrom(...eventIds).map((id) => id.slice(14, 78)), segment());
    const epc = fc.option(fc.oneof(fc.constantFrom(packKey, ...realCodes), anyCode(realCodes)), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(eventId, epc, fc.constantFrom('', '&epc=x', '&other=1'), async (id, code, extra) => {
        const url = `${BASE}/api/v1/proofs/${encodeURIComponent(id)}?${code === undefined ? '' : param('epc', code)}${extra}`;
        statuses.add((await expectClearAnswer(await proofGet(new Request(url), { params: Promise.resolve({ eventId: id }) }), { id, code, extra })).status);
      }),
      fuzzRuns(1_000),
    );
    console.info(`proofs: ${statuses.summary()}`);
  }, 60_000);
});
