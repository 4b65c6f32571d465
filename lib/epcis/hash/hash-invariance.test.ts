import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEpcisEvent } from '../parse/parse-epcis-event';
import { CBV_BIZ_STEPS, CBV_DISPOSITIONS } from '../vocabulary/cbv-lists';
import { eventHashId } from './event-hash-id';

/*
 * Property tests: one event in many spellings (key order, JSON whitespace,
 * EPC URN vs Digital Link on any host, bare word vs Web URI vs legacy URN,
 * any time zone for the same instant, padded fractions, spaces around
 * extension text) must give one hash ID and one model; and the stored
 * document must parse back to itself.
 */

const PRODUCTS = [
  { prefix: '9506000', item: '013435', gtin: '09506000134352' },
  { prefix: '0614141', item: '107346', gtin: '10614141073464' },
  { prefix: '4012345', item: '011111', gtin: '04012345111118' },
];
const LOCATIONS = [
  { urn: 'urn:epc:id:sgln:9506000.13430.0', link: 'https://id.gs1.org/414/9506000134307' },
  { urn: 'urn:epc:id:sgln:9506000.13430.7', link: 'https://locations.example/414/9506000134307/254/7' },
];
const CONTEXT = { example: 'https://ns.example.com/epcis/' };

type TMeaning = {
  product: number;
  serials: string[];
  bizStep: number;
  disposition: number | null;
  instant: number;
  offsetMinutes: number;
  location: number;
  note: string | null;
};

const meaning: fc.Arbitrary<TMeaning> = fc.record({
  product: fc.integer({ min: 0, max: PRODUCTS.length - 1 }),
  serials: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/), { minLength: 1, maxLength: 4 }),
  bizStep: fc.integer({ min: 0, max: CBV_BIZ_STEPS.length - 1 }),
  disposition: fc.option(fc.integer({ min: 0, max: CBV_DISPOSITIONS.length - 1 }), { nil: null }),
  instant: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
  offsetMinutes: fc.integer({ min: -56, max: 56 }).map((quarters) => quarters * 15),
  location: fc.integer({ min: 0, max: LOCATIONS.length - 1 }),
  note: fc.option(fc.stringMatching(/^[a-z][a-z ]{0,10}[a-z]$/), { nil: null }),
});

type TSpelling = { epcForms: boolean[]; vocabularyForm: number; renderOffset: number; fraction: number; seed: number; indent: number; padNote: boolean };

const spelling: fc.Arbitrary<TSpelling> = fc.record({
  epcForms: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  vocabularyForm: fc.integer({ min: 0, max: 2 }),
  renderOffset: fc.integer({ min: -56, max: 56 }).map((quarters) => quarters * 15),
  fraction: fc.integer({ min: 0, max: 2 }),
  seed: fc.integer(),
  indent: fc.integer({ min: 0, max: 4 }),
  padNote: fc.boolean(),
});

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function timeText(instant: number, offsetMinutes: number, fraction: number): string {
  const local = new Date(instant + offsetMinutes * 60_000).toISOString();
  const ms = local.slice(20, 23);
  const digits = fraction === 0 ? `.${ms}` : fraction === 1 ? `.${ms}000` : ms === '000' ? '' : `.${ms.replace(/0+$/, '')}`;
  return `${local.slice(0, 19)}${digits}${offsetText(offsetMinutes)}`;
}

function vocabulary(word: string, kind: 'BizStep' | 'Disp', form: number): string {
  if (form === 0) return word;
  if (form === 1) return `https://ref.gs1.org/cbv/${kind}-${word}`;
  return `urn:epcglobal:cbv:${kind === 'BizStep' ? 'bizstep' : 'disp'}:${word}`;
}

function shuffled(entries: [string, unknown][], seed: number): [string, unknown][] {
  let state = seed >>> 0;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return entries.map((entry) => [random(), entry] as const).sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
}

function render(m: TMeaning, s: TSpelling): Record<string, unknown> {
  const product = PRODUCTS[m.product] as (typeof PRODUCTS)[number];
  const location = LOCATIONS[m.location] as (typeof LOCATIONS)[number];
  const epcList = m.serials.map((serial, i) =>
    s.epcForms[i] ? `urn:epc:id:sgtin:${product.prefix}.${product.item}.${serial}` : `https://scan${i}.example/01/${product.gtin}/10/L1/21/${serial}?17=301231`,
  );
  const entries: [string, unknown][] = [
    ['@context', CONTEXT],
    ['type', 'ObjectEvent'],
    ['action', 'OBSERVE'],
    ['epcList', epcList],
    ['bizStep', vocabulary(CBV_BIZ_STEPS[m.bizStep] as string, 'BizStep', s.vocabularyForm)],
    ['eventTime', timeText(m.instant, s.renderOffset, s.fraction)],
    ['eventTimeZoneOffset', offsetText(m.offsetMinutes)],
    ['readPoint', { id: s.epcForms[0] ? location.urn : location.link }],
  ];
  if (m.disposition !== null) entries.push(['disposition', vocabulary(CBV_DISPOSITIONS[m.disposition] as string, 'Disp', (s.vocabularyForm + 1) % 3)]);
  if (m.note !== null) entries.push(['example:note', s.padNote ? `  ${m.note}\t` : m.note]);
  const event = Object.fromEntries(shuffled(entries, s.seed));
  return JSON.parse(JSON.stringify(event, null, s.indent)) as Record<string, unknown>;
}

describe('event hash ID invariance', () => {
  it('is the same for every spelling of the same event', () => {
    fc.assert(
      fc.property(meaning, spelling, spelling, (m, s1, s2) => {
        expect(eventHashId(render(m, s1))).toBe(eventHashId(render(m, s2)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same model (keys, time, words, hash) for every spelling', () => {
    fc.assert(
      fc.property(meaning, spelling, spelling, (m, s1, s2) => {
        const [a, b] = [parseEpcisEvent(render(m, s1)), parseEpcisEvent(render(m, s2))];
        expect([b.hashId, b.epcs, b.eventTime, b.bizStep, b.disposition, b.readPoint]).toEqual([a.hashId, a.epcs, a.eventTime, a.bizStep, a.disposition, a.readPoint]);
      }),
      { numRuns: 200 },
    );
  });

  it('differs when what happened differs', () => {
    const changes: ((m: TMeaning) => TMeaning)[] = [
      (m) => ({ ...m, serials: [`${m.serials[0]}X`, ...m.serials.slice(1)] }),
      (m) => ({ ...m, product: (m.product + 1) % PRODUCTS.length }),
      (m) => ({ ...m, bizStep: (m.bizStep + 1) % CBV_BIZ_STEPS.length }),
      (m) => ({ ...m, instant: m.instant + 1 }),
      (m) => ({ ...m, offsetMinutes: m.offsetMinutes === 0 ? 60 : 0 }),
      (m) => ({ ...m, location: (m.location + 1) % LOCATIONS.length }),
      (m) => ({ ...m, note: m.note === null ? 'x' : null }),
    ];
    fc.assert(
      fc.property(meaning, spelling, fc.integer({ min: 0, max: changes.length - 1 }), (m, s, change) => {
        expect(eventHashId(render((changes[change] as (m: TMeaning) => TMeaning)(m), s))).not.toBe(eventHashId(render(m, s)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('stored document stability', () => {
  it('parse(document(parse(x))) is parse(x), and a fixed point from then on', () => {
    fc.assert(
      fc.property(meaning, spelling, (m, s) => {
        const first = parseEpcisEvent(render(m, s));
        const second = parseEpcisEvent(first.document);
        const third = parseEpcisEvent(second.document);
        expect(second.hashId).toBe(first.hashId);
        expect(second.document).toEqual(first.document);
        expect(second.declaredEventId).toBe(first.hashId);
        expect({ ...second, declaredEventId: null }).toEqual(first);
        expect(third).toEqual(second);
      }),
      { numRuns: 200 },
    );
  });
});
