import { describe, expect, it } from 'vitest';
import { alertView, type TAlertRow } from './alert-view';

const row: TAlertRow = {
  id: '5d4f0a3e-1d5b-4f7e-9d7a-3c2b1a0f9e8d',
  code: 'already_dispensed',
  severity: 'HIGH',
  status: 'OPEN',
  resolution: null,
  count: 3,
  subject: '01/04098765000119/21/ABC',
  gtin: '04098765000119',
  serial: 'ABC',
  batch_id: null,
  message: 'Pack was already dispensed, and was scanned again.',
  raised_by_org_id: 'pharmacy',
  visible_to: ['pharmacy', 'maker'],
  event_ids: ['7'],
  first_seen_at: new Date('2026-11-01T10:00:00Z'),
  last_seen_at: new Date('2026-11-02T10:00:00Z'),
  updated_at: new Date('2026-11-02T10:00:00Z'),
  raiser_name: 'Apotheke am Markt',
  raiser_role: 'PHARMACY',
  raiser_country: 'DE',
};

describe('an alert as one organisation sees it', () => {
  it('names the scanner to the scanner itself, with the code title', () => {
    expect(alertView(row, { orgId: 'pharmacy', all: false })).toMatchObject({ title: 'Dispensed pack scanned again (possible copy)', raisedByYou: true, raisedBy: { id: 'pharmacy', name: 'Apotheke am Markt', role: 'pharmacy', country: 'DE' } });
  });

  it('shows others only the scanner’s role and country, and not who else sees the alert', () => {
    const seen = alertView(row, { orgId: 'maker', all: false });
    expect(seen.raisedBy).toEqual({ role: 'pharmacy', country: 'DE' });
    expect(seen.raisedByYou).toBe(false);
    expect(seen).not.toHaveProperty('visibleTo');
    expect(JSON.stringify(seen)).not.toContain('Apotheke');
  });

  it('shows the regulator everything', () => {
    expect(alertView(row, { orgId: 'regulator', all: true })).toMatchObject({ raisedBy: { name: 'Apotheke am Markt' }, visibleTo: ['pharmacy', 'maker'] });
  });

  it('has no raiser for alerts of the periodic checks, and keeps unknown codes readable', () => {
    expect(alertView({ ...row, code: 'from_a_newer_version', raised_by_org_id: null, raiser_role: null }, { orgId: 'maker', all: false })).toMatchObject({ raisedBy: null, title: 'from_a_newer_version' });
  });
});
