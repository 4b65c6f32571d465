import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as capturePost } from '@/app/epcis/capture/route';
import { toDigitalLink } from '@/lib/gs1';
import { commissioningEvent, epcisDocument, packLink, sgtin, shippingEvent } from '@/lib/epcis/testing/epcis-documents';
import { createTestNetwork, type TTestNetwork } from '@/lib/events/testing/network';
import { killHard, startRouteServer, type TRouteServer } from '../fault/fault-helpers';
import { clientAddress, expectClearAnswer, fuzzRuns, tally } from './clear-answer';
import { anyCode } from './malformed-codes';
import { captureHeaders, mutatedDocument, mutatedText } from './malformed-documents';

/*
 * POST /epcis/capture fed thousands of malformed documents made from valid
 * ones (lib/testing/fuzz/malformed-documents.ts), with a real API key:
 * every answer is 202 for what is still a valid document, else a
 * problem+json 4xx with a stable code; never a 5xx. Then a sample of the
 * same inputs over real HTTP to a server process (route-server.ts), which
 * must answer every request and still be alive and healthy at the end.
 */
let n: TTestNetwork;
let bases: unknown[];
let identifiers: string[];
let nextSerial = 0;

/** Valid documents of the maker: commissioning fresh packs; shipping, and commissioning then shipping, packs `first` to `first + 3`. */
function validDocuments(first: number): unknown[] {
  const fresh = () => sgtin(n.batch.gtin, `FZ${nextSerial++}`);
  const packs = (from: number) => [sgtin(n.batch.gtin, n.serials[first + from]!), packLink(n.batch.gtin, n.serials[first + from + 1]!)];
  const newOnes = [fresh(), fresh()];
  return [
    epcisDocument([commissioningEvent({ epcs: newOnes, lot: n.batch.lot, expiry: n.batch.expiry, gln: n.maker.gln })]),
    epcisDocument([shippingEvent({ epcs: packs(0), from: n.maker.gln, to: n.dist.gln })]),
    epcisDocument([commissioningEvent({ epcs: [fresh()], lot: n.batch.lot, gln: n.maker.gln }), shippingEvent({ epcs: packs(2), from: n.maker.gln, to: n.dist.gln, desadv: 'D1' })]),
  ];
}

beforeAll(async () => {
  n = await createTestNetwork(8);
  bases = validDocuments(0);
  identifiers = [sgtin(n.batch.gtin, n.serials[0]!), packLink(n.batch.gtin, n.serials[1]!), toDigitalLink({ gtin: n.batch.gtin, serial: n.serials[2]! }, 'https://id.gs1.org'), `https://id.gs1.org/414/${n.maker.gln}`];
}, 120_000);

/** A capture request with exactly these headers (the maker's key and JSON-LD unless told otherwise). */
const post = (body: string, headers?: Record<string, string>) =>
  capturePost(new Request('http://pharmatrace.test/epcis/capture', { method: 'POST', headers: headers ?? { authorization: `Bearer ${n.maker.apiKey}`, 'content-type': 'application/ld+json' }, body }));
const anyBase = () => fc.constantFrom(...bases);

describe('POST /epcis/capture with generated malformed documents', () => {
  it('accepts the valid documents the mutations start from', async () => {
    for (const document of validDocuments(4)) expect((await expectClearAnswer(await post(JSON.stringify(document)), document)).status).toBe(202);
  });

  it('answers every mutated document clearly: 202, or a problem+json 4xx with a code', async () => {
    const statuses = tally();
    await fc.assert(
      fc.asyncProperty(anyBase().chain((base) => mutatedDocument(base, identifiers)), async (text) => {
        statuses.add((await expectClearAnswer(await post(text), text)).status);
      }),
      fuzzRuns(1_500),
    );
    console.info(`capture documents: ${statuses.summary()}`);
  }, 90_000);

  it('answers every mangled body and odd header clearly', async () => {
    const statuses = tally();
    const body = anyBase().chain((base) => fc.oneof(mutatedText(JSON.stringify(base)), fc.constant(JSON.stringify(base))));
    await fc.assert(
      fc.asyncProperty(body, captureHeaders(n.maker.apiKey), async (text, headers) => {
        statuses.add((await expectClearAnswer(await post(text, headers), { text: text.slice(0, 200), headers })).status);
      }),
      fuzzRuns(1_000),
    );
    console.info(`capture bodies and headers: ${statuses.summary()}`);
  }, 90_000);
});

describe('the same inputs over real HTTP to a server process', () => {
  let server: TRouteServer;
  beforeAll(async () => void (server = await startRouteServer()), 90_000);
  afterAll(async () => void (server && (await killHard(server))));

  /** fetch, failing the property (with the input) when the connection breaks instead of answering. */
  const over = async (path: string, init: RequestInit, input: unknown) => {
    const response = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(30_000) }).catch((error: unknown) => {
      const child = `server exit code ${server.child.process.exitCode}, last lines ${JSON.stringify(server.child.lines.slice(-3))}`;
      throw new Error(`no answer (${String(error)} ${String((error as { cause?: unknown }).cause)}; ${child}) for ${JSON.stringify(input)?.slice(0, 300)}`);
    });
    // Node's HTTP parser refuses a request line and headers past 16 KB itself, before any route runs.
    if (response.status === 431) return { status: 431, body: {} };
    return expectClearAnswer(response, input);
  };

  it('answers every request clearly, and the process lives through all of them', async () => {
    const statuses = tally();
    // Bodies up to 16 KB here (the in-process tests above send them up to 1.2 MB): route-server.ts
    // does not drain an upload it answered early (401, 415, a bad header), so a body bigger than the
    // socket buffers would see the connection reset, which says nothing about the routes.
    const body = anyBase().chain((base) => fc.oneof(mutatedDocument(base, identifiers), mutatedText(JSON.stringify(base))));
    const capture = fc.tuple(body.filter((text) => Buffer.byteLength(text) <= 16_384), captureHeaders(n.maker.apiKey));
    await fc.assert(
      fc.asyncProperty(capture, anyCode(identifiers), async ([text, headers], code) => {
        statuses.add((await over('/epcis/capture', { method: 'POST', headers, body: text }, { text: text.slice(0, 200), headers })).status);
        const query = `code=${encodeURIComponent(code.replace(/[\ud800-\udfff]/g, '\ufffd'))}`;
        statuses.add((await over(`/api/v1/verify?${query}`, { headers: { 'x-forwarded-for': clientAddress() } }, query)).status);
      }),
      fuzzRuns(300),
    );
    console.info(`over HTTP: ${statuses.summary()}`);
    expect(server.child.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 90_000);
});
