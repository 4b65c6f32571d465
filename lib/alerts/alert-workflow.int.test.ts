import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TOrgActor } from '@/lib/auth/actor';
import { resolveActor } from '@/lib/auth/resolve-actor';
import { createTestApiKey } from '@/lib/auth/test-fixtures';
import { getPool } from '@/lib/db';
import { createTestParty, type TTestOrg } from '@/lib/events/testing/fixtures';
import { changeAlertStatus } from './change-alert-status';
import { getAlert } from './get-alert';
import { raiseAlert } from './raise-alert';

/*
 * The alert workflow: acknowledge, investigate, close with a resolution;
 * forward only; every change recorded in alert_changes (append-only) with
 * who made it; refused changes write nothing.
 */
let pharmacy: TTestOrg;
let maker: TTestOrg;
let stranger: TTestOrg;
let regulator: TTestOrg;
let viewer: TOrgActor;

beforeAll(async () => {
  const parties = await Promise.all((['PHARMACY', 'MANUFACTURER', 'PHARMACY', 'REGULATOR'] as const).map((role) => createTestParty(role)));
  [pharmacy, maker, stranger, regulator] = parties as [TTestOrg, TTestOrg, TTestOrg, TTestOrg];
  viewer = (await resolveActor({ authorization: `Bearer ${(await createTestApiKey(pharmacy.id, { role: 'VIEWER' })).key}` })) as TOrgActor;
});

async function newAlert(): Promise<string> {
  const [raised] = await raiseAlert(getPool(), {
    code: 'two_custodians',
    severity: 'HIGH',
    subject: `01/04098765000119/21/${randomUUID().slice(0, 12)}`,
    message: 'A pack was scanned by an organisation that does not hold it, while another organisation holds it.',
    raisedByOrgId: pharmacy.id,
    visibleTo: [pharmacy.id, maker.id],
  });
  return raised!.id;
}

async function changesOf(id: string) {
  const { rows } = await getPool().query('SELECT from_status, to_status, resolution, note, actor_org_id FROM alert_changes WHERE alert_id = $1 ORDER BY id', [id]);
  return rows;
}

describe('moving an alert along', () => {
  it('acknowledges, investigates and closes with a resolution, recording each change and who made it', async () => {
    const id = await newAlert();
    expect(await changeAlertStatus(pharmacy.actor, id, { status: 'ACKNOWLEDGED' })).toMatchObject({ status: 'ACKNOWLEDGED', resolution: null });
    await changeAlertStatus(maker.actor, id, { status: 'INVESTIGATING', note: 'Checking our print records.' });
    const closed = await changeAlertStatus(pharmacy.actor, id, { status: 'CLOSED', resolution: 'SCANNER_FAULT', note: 'Scanner misread the serial.' });
    expect(closed).toMatchObject({ status: 'CLOSED', resolution: 'SCANNER_FAULT' });
    expect(await changesOf(id)).toEqual([
      { from_status: 'OPEN', to_status: 'ACKNOWLEDGED', resolution: null, note: null, actor_org_id: pharmacy.id },
      { from_status: 'ACKNOWLEDGED', to_status: 'INVESTIGATING', resolution: null, note: 'Checking our print records.', actor_org_id: maker.id },
      { from_status: 'INVESTIGATING', to_status: 'CLOSED', resolution: 'SCANNER_FAULT', note: 'Scanner misread the serial.', actor_org_id: pharmacy.id },
    ]);
    // The pharmacy sees the manufacturer's change as "a manufacturer"; the regulator sees names.
    const seen = await getAlert(pharmacy.actor, id);
    expect(seen.changes.map((c) => c.by)).toEqual([
      { role: 'pharmacy', country: 'DE', id: pharmacy.id, name: pharmacy.name, you: true },
      { role: 'manufacturer', country: 'DE', you: false },
      { role: 'pharmacy', country: 'DE', id: pharmacy.id, name: pharmacy.name, you: true },
    ]);
    expect((await getAlert(regulator.actor, id)).changes[1]!.by).toMatchObject({ id: maker.id, name: maker.name, you: false });
  });

  it('may skip steps: an open alert can be closed at once', async () => {
    const id = await newAlert();
    await changeAlertStatus(regulator.actor, id, { status: 'CLOSED', resolution: 'NO_ISSUE' });
    expect(await changesOf(id)).toEqual([expect.objectContaining({ from_status: 'OPEN', to_status: 'CLOSED', actor_org_id: regulator.id })]);
  });

  it('refuses going back, leaving CLOSED, closing without a resolution and a resolution before closing; nothing is written', async () => {
    const id = await newAlert();
    await changeAlertStatus(pharmacy.actor, id, { status: 'INVESTIGATING' });
    await expect(changeAlertStatus(pharmacy.actor, id, { status: 'ACKNOWLEDGED' })).rejects.toMatchObject({ code: 'alert_transition_not_allowed', status: 409 });
    await expect(changeAlertStatus(pharmacy.actor, id, { status: 'INVESTIGATING' })).rejects.toMatchObject({ code: 'alert_transition_not_allowed' });
    await expect(changeAlertStatus(pharmacy.actor, id, { status: 'CLOSED' })).rejects.toMatchObject({ code: 'alert_resolution_required', status: 422 });
    const other = await newAlert();
    await expect(changeAlertStatus(pharmacy.actor, other, { status: 'ACKNOWLEDGED', resolution: 'NO_ISSUE' })).rejects.toMatchObject({ code: 'alert_resolution_required' });
    expect(await changesOf(other)).toEqual([]);
    await changeAlertStatus(pharmacy.actor, id, { status: 'CLOSED', resolution: 'PROCESS_ERROR' });
    await expect(changeAlertStatus(regulator.actor, id, { status: 'INVESTIGATING' })).rejects.toMatchObject({ code: 'alert_transition_not_allowed' });
    expect(await changesOf(id)).toHaveLength(2);
    expect((await getAlert(pharmacy.actor, id)).status).toBe('CLOSED');
  });

  it('is for organisations that see the alert (others get 404) and roles that manage alerts (viewers get 403)', async () => {
    const id = await newAlert();
    await expect(changeAlertStatus(stranger.actor, id, { status: 'ACKNOWLEDGED' })).rejects.toMatchObject({ code: 'alert_not_found', status: 404 });
    await expect(changeAlertStatus(viewer, id, { status: 'ACKNOWLEDGED' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(changeAlertStatus(pharmacy.actor, 'nope', { status: 'ACKNOWLEDGED' })).rejects.toMatchObject({ code: 'alert_not_found' });
    expect(await changesOf(id)).toEqual([]);
    expect((await getAlert(viewer, id)).status).toBe('OPEN');
  });

  it('opens a new alert for the next identical trigger once one is closed, so a closure never hides a repeat', async () => {
    const id = await newAlert();
    const { rows } = await getPool().query('SELECT subject FROM alerts WHERE id = $1', [id]);
    await changeAlertStatus(pharmacy.actor, id, { status: 'CLOSED', resolution: 'NO_ISSUE' });
    const [again] = await raiseAlert(getPool(), { code: 'two_custodians', severity: 'HIGH', subject: rows[0].subject, message: 'Again.', raisedByOrgId: pharmacy.id, visibleTo: [pharmacy.id] });
    expect(again).toMatchObject({ inserted: true, status: 'OPEN' });
    expect(again!.id).not.toBe(id);
  });

  it('keeps the record of changes append-only in the database', async () => {
    const id = await newAlert();
    await changeAlertStatus(pharmacy.actor, id, { status: 'ACKNOWLEDGED' });
    await expect(getPool().query('UPDATE alert_changes SET note = $2 WHERE alert_id = $1', [id, 'rewritten'])).rejects.toThrow(/permission denied/);
    const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
    await owner.connect();
    try {
      await expect(owner.query('DELETE FROM alert_changes WHERE alert_id = $1', [id])).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
  });
});
