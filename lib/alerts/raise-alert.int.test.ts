import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { MAX_ALERT_EVENT_IDS, raiseAlert, raiseAlerts, type TAlertInput } from './raise-alert';

const alert = (subject: string, over: Partial<TAlertInput> = {}): TAlertInput => ({
  code: 'unknown_serial',
  severity: 'HIGH',
  subject,
  gtin: '04098765000119',
  serial: 'ABC',
  message: 'A pack was scanned that was never commissioned.',
  raisedByOrgId: randomUUID(),
  visibleTo: [],
  ...over,
});

async function openAlerts(subject: string) {
  const { rows } = await getPool().query('SELECT status, count, visible_to, event_ids FROM alerts WHERE subject = $1 ORDER BY first_seen_at', [subject]);
  return rows;
}

describe('raiseAlert', () => {
  it('folds identical triggers into the open alert, counting them and gathering who sees it and which events', async () => {
    const subject = `01/04098765000119/21/${randomUUID().slice(0, 8)}`;
    const [org, a, b] = [randomUUID(), randomUUID(), randomUUID()];
    await raiseAlert(getPool(), alert(subject, { raisedByOrgId: org, visibleTo: [a], eventIds: ['7'] }));
    await raiseAlerts(getPool(), [alert(subject, { raisedByOrgId: org, visibleTo: [b], eventIds: ['8'] }), alert(subject, { raisedByOrgId: org, visibleTo: [a] })]);
    const [row] = await openAlerts(subject);
    expect(row).toMatchObject({ status: 'OPEN', count: 3, event_ids: ['7', '8'] });
    expect(row.visible_to.sort()).toEqual([a, b].sort());
    // Another organisation's trigger is its own alert.
    await raiseAlert(getPool(), alert(subject));
    expect(await openAlerts(subject)).toHaveLength(2);
  });

  it('opens a new alert once the old one is closed, and keeps at most 100 event ids', async () => {
    const subject = `01/04098765000119/21/${randomUUID().slice(0, 8)}`;
    const org = randomUUID();
    await raiseAlert(getPool(), alert(subject, { raisedByOrgId: org, eventIds: Array.from({ length: 150 }, (_, i) => String(i + 1)) }));
    expect((await openAlerts(subject))[0].event_ids).toHaveLength(MAX_ALERT_EVENT_IDS);
    const owner = new pg.Client({ connectionString: process.env.TEST_OWNER_URL });
    await owner.connect();
    await owner.query(`UPDATE alerts SET status = 'CLOSED' WHERE subject = $1`, [subject]);
    await owner.end();
    await raiseAlert(getPool(), alert(subject, { raisedByOrgId: org }));
    expect((await openAlerts(subject)).map((r) => [r.status, r.count])).toEqual([
      ['CLOSED', 1],
      ['OPEN', 1],
    ]);
  });

  it('says which alerts a call created, and keeps alerts of different scopes apart', async () => {
    const subject = `01/04098765000119/10/${randomUUID().slice(0, 8)}`;
    const org = randomUUID();
    const [first] = await raiseAlert(getPool(), alert(subject, { raisedByOrgId: org, scope: 'holder-a' }));
    const [again] = await raiseAlert(getPool(), alert(subject, { raisedByOrgId: org, scope: 'holder-a' }));
    const [other] = await raiseAlert(getPool(), alert(subject, { raisedByOrgId: org, scope: 'holder-b' }));
    expect([first!.inserted, again!.inserted, other!.inserted]).toEqual([true, false, true]);
    expect(again!.id).toBe(first!.id);
    expect(again!.count).toBe(2);
    expect(other!.id).not.toBe(first!.id);
  });

  it('folds concurrent identical triggers into one alert', async () => {
    const subject = `01/04098765000119/21/${randomUUID().slice(0, 8)}`;
    const org = randomUUID();
    await Promise.all(Array.from({ length: 8 }, () => raiseAlert(getPool(), alert(subject, { raisedByOrgId: org }))));
    expect(await openAlerts(subject)).toEqual([expect.objectContaining({ count: 8 })]);
  });
});
