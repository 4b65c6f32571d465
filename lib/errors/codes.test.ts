import { describe, expect, it } from 'vitest';
import * as alerts from './codes/alerts';
import * as auth from './codes/auth';
import * as catalog from './codes/catalog';
import * as common from './codes/common';
import * as epcis from './codes/epcis';
import * as events from './codes/events';
import * as gs1 from './codes/gs1';
import * as ledger from './codes/ledger';
import * as verify from './codes/verify';
import { ERROR_CODES } from './codes';

describe('error codes', () => {
  const tables = [alerts, auth, catalog, common, epcis, events, gs1, ledger, verify].flatMap((m) => Object.values(m));

  it('are defined once: no domain silently overrides another', () => {
    const all = tables.flatMap((t) => Object.keys(t as object));
    const repeated = all.filter((code, i) => all.indexOf(code) !== i);
    expect(repeated).toEqual([]);
    expect(Object.keys(ERROR_CODES)).toHaveLength(all.length);
  });

  it('are snake_case and map to a 4xx or 5xx status', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });
});
