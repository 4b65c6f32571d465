import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { raiseAlert } from '@/lib/alerts/raise-alert';
import { getPool } from '@/lib/db';
import { createTestParty, type TTestOrg } from '@/lib/events/testing/fixtures';
import { createWebhook, MAX_WEBHOOKS_PER_ORG } from './create-webhook';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { listDeliveries, redeliver } from './deliveries';
import { DEFAULT_DELIVERY_POLICY, type TDeliveryPolicy } from './delivery-policy';
import { deleteWebhook, listWebhooks, updateWebhook } from './manage-webhooks';
import { openSecret } from './secret-box';
import { verifyWebhookSignature } from './sign-webhook';

/*
 * Webhooks against a real HTTP receiver on this machine: signed
 * (Standard Webhooks), retried with backoff, sent in order per webhook,
 * logged, and never pointed at private addresses unless configured.
 */
type TReceived = { path: string; headers: IncomingHttpHeaders; body: string };

let server: Server;
let base: string;
const received: TReceived[] = [];
/** Statuses to answer, per path, in turn (then 204). */
const script = new Map<string, number[]>();

const policy: TDeliveryPolicy = { ...DEFAULT_DELIVERY_POLICY, baseDelayMs: 40, maxDelayMs: 200, jitter: 0, timeoutMs: 2_000, maxAttempts: 4 };

let pharmacy: TTestOrg;
let maker: TTestOrg;
let regulator: TTestOrg;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'true';
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/silent') return;
      const queue = script.get(req.url ?? '') ?? [];
      res.writeHead(queue.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const parties = await Promise.all((['PHARMACY', 'MANUFACTURER', 'REGULATOR'] as const).map((role) => createTestParty(role)));
  [pharmacy, maker, regulator] = parties as [TTestOrg, TTestOrg, TTestOrg];
  pharmacy.actor = { ...pharmacy.actor, userRole: 'ADMIN' };
  maker.actor = { ...maker.actor, userRole: 'ADMIN' };
  regulator.actor = { ...regulator.actor, userRole: 'ADMIN' };
});

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

const subjectOf = () => `01/04098765000119/21/${randomUUID().slice(0, 12)}`;

async function alertFor(visibleTo: string[], raisedBy: string | null = pharmacy.id, subject = subjectOf()) {
  const [raised] = await raiseAlert(getPool(), { code: 'unknown_serial', severity: 'HIGH', subject, message: 'A pack that was never commissioned was scanned.', raisedByOrgId: raisedBy, visibleTo });
  return raised!;
}

/** Sender passes until nothing is due, waiting out retry delays (bounded). */
async function drain(rounds = 40): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await deliverDueWebhooks(policy);
    const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'PENDING'`);
    if (rows[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 60));
  }
}

describe('registering a webhook', () => {
  it('shows the secret once, stores it encrypted and bound to the webhook', async () => {
    const { webhook, secret } = await createWebhook(pharmacy.actor, { url: `${base}/reg`, topics: ['alert.raised'] }, { ip: null });
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await listWebhooks(pharmacy.actor))).not.toContain(secret.slice(6));
    const { rows } = await getPool().query<{ secret: Buffer }>('SELECT secret FROM webhooks WHERE id = $1', [webhook.id]);
    const stored = rows[0]!.secret;
    expect(stored.toString('base64')).not.toContain(secret.slice(6, 30));
    expect((await openSecret(stored, webhook.id)).toString('base64')).toBe(secret.slice(6));
    await expect(openSecret(stored, randomUUID())).rejects.toMatchObject({ code: 'webhook_key_invalid' });
    const { rows: audit } = await getPool().query(`SELECT action FROM audit_log WHERE target_id = $1`, [webhook.id]);
    expect(audit).toEqual([{ action: 'webhook.create' }]);
  });

  it('refuses loopback and private addresses unless configured, http, and webhooks beyond the limit', async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'false';
    try {
      for (const url of ['https://127.0.0.1/hook', 'https://localhost:8443/hook', 'https://[::1]/hook', 'https://169.254.169.254/', 'https://10.0.0.5/erp']) {
        await expect(createWebhook(pharmacy.actor, { url, topics: ['alert.raised'] }, { ip: null })).rejects.toMatchObject({ code: 'webhook_url_private', status: 422 });
      }
      await expect(createWebhook(pharmacy.actor, { url: 'http://erp.example.com/hook', topics: ['alert.raised'] }, { ip: null })).rejects.toMatchObject({ code: 'webhook_url_invalid' });
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'true';
    }
    const org = await createTestParty('DISTRIBUTOR');
    const admin = { ...org.actor, userRole: 'ADMIN' as const };
    for (let i = 0; i < MAX_WEBHOOKS_PER_ORG; i++) await createWebhook(admin, { url: `${base}/limit/${i}`, topics: ['recall.opened'] }, { ip: null });
    await expect(createWebhook(admin, { url: `${base}/limit/x`, topics: ['recall.opened'] }, { ip: null })).rejects.toMatchObject({ code: 'webhook_limit_reached', status: 409 });
    await expect(createWebhook(org.actor, { url: `${base}/op`, topics: ['recall.opened'] }, { ip: null })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses at send time an address that became private after the webhook was saved', async () => {
    const { webhook } = await createWebhook(maker.actor, { url: `${base}/rebind`, topics: ['alert.raised'] }, { ip: null });
    await alertFor([maker.id]);
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'false';
    try {
      await deliverDueWebhooks(policy);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_URLS = 'true';
    }
    expect(received).toEqual([]);
    const { items } = await listDeliveries(maker.actor, webhook.id, { limit: 10 });
    expect(items[0]).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringMatching(/private or reserved/) });
    await deleteWebhook(maker.actor, webhook.id, { ip: null });
  });
});

describe('delivering', () => {
  it('signs each delivery over id, timestamp and body so the receiver can verify it, and tells only who sees the alert', async () => {
    const { webhook, secret } = await createWebhook(pharmacy.actor, { url: `${base}/signed`, topics: ['alert.raised', 'alert.updated'] }, { ip: null });
    const { secret: makerSecret } = await createWebhook(maker.actor, { url: `${base}/maker`, topics: ['alert.raised'] }, { ip: null });
    const stranger = await createTestParty('PHARMACY');
    await createWebhook({ ...stranger.actor, userRole: 'ADMIN' }, { url: `${base}/stranger`, topics: ['alert.raised'] }, { ip: null });
    const alert = await alertFor([pharmacy.id, maker.id]);
    await drain();
    const mine = received.filter((r) => r.path === '/signed');
    expect(mine).toHaveLength(1);
    const { headers, body } = mine[0]!;
    const signed = { id: String(headers['webhook-id']), timestamp: String(headers['webhook-timestamp']), signature: String(headers['webhook-signature']), body };
    expect(verifyWebhookSignature(secret, signed)).toBe(true);
    expect(verifyWebhookSignature(secret, { ...signed, body: body.replace('HIGH', 'LOW') })).toBe(false);
    expect(JSON.parse(body)).toMatchObject({ type: 'alert.raised', data: { id: alert.id, code: 'unknown_serial', raisedByYou: true, raisedBy: { id: pharmacy.id } } });
    // The manufacturer's copy does not name the pharmacy that scanned.
    const makers = received.find((r) => r.path === '/maker')!;
    expect(verifyWebhookSignature(makerSecret, { id: String(makers.headers['webhook-id']), timestamp: String(makers.headers['webhook-timestamp']), signature: String(makers.headers['webhook-signature']), body: makers.body })).toBe(true);
    expect(JSON.parse(makers.body).data.raisedBy).toEqual({ role: 'pharmacy', country: 'DE' });
    expect(received.some((r) => r.path === '/stranger')).toBe(false);
    expect((await listDeliveries(pharmacy.actor, webhook.id, { limit: 10 })).items[0]).toMatchObject({ status: 'DELIVERED', attempts: 1, lastStatusCode: 204 });
    // A folded repeat notifies nobody again.
    await alertFor([pharmacy.id], pharmacy.id, alert.subject);
    const { rows } = await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1', [webhook.id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('retries a failing receiver with growing delays until it answers, keeping the same webhook-id', async () => {
    const { webhook } = await createWebhook(regulator.actor, { url: `${base}/flaky`, topics: ['alert.raised'] }, { ip: null });
    script.set('/flaky', [500, 503]);
    await alertFor([pharmacy.id]);
    await deliverDueWebhooks(policy);
    const first = (await listDeliveries(regulator.actor, webhook.id, { limit: 10 })).items[0]!;
    expect(first).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500' });
    // Not due yet: an immediate pass sends nothing.
    await deliverDueWebhooks(policy);
    expect(received.filter((r) => r.path === '/flaky')).toHaveLength(1);
    await drain();
    const attempts = received.filter((r) => r.path === '/flaky');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['webhook-id']))).toEqual(new Set([first.id]));
    expect((await listDeliveries(regulator.actor, webhook.id, { limit: 10 })).items[0]).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatusCode: 204, lastError: null });
    await deleteWebhook(regulator.actor, webhook.id, { ip: null });
  });

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    const org = await createTestParty('PHARMACY');
    const admin = { ...org.actor, userRole: 'ADMIN' as const };
    const { webhook } = await createWebhook(admin, { url: `${base}/silent`, topics: ['alert.raised'] }, { ip: null });
    await alertFor([org.id], org.id);
    const started = Date.now();
    await deliverDueWebhooks({ ...policy, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await listDeliveries(admin, webhook.id, { limit: 10 })).items[0]).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null, lastError: 'no answer within 300 ms' });
    await deleteWebhook(admin, webhook.id, { ip: null });
  });

  it('delivers in order per webhook: later notifications wait behind one being retried', async () => {
    const org = await createTestParty('DISTRIBUTOR');
    const admin = { ...org.actor, userRole: 'ADMIN' as const };
    const { webhook } = await createWebhook(admin, { url: `${base}/ordered`, topics: ['alert.raised'] }, { ip: null });
    script.set('/ordered', [500]);
    const alerts = [];
    for (let i = 0; i < 4; i++) alerts.push(await alertFor([org.id], org.id));
    await deliverDueWebhooks(policy);
    expect(received.filter((r) => r.path === '/ordered')).toHaveLength(1);
    await drain();
    const order = received.filter((r) => r.path === '/ordered').map((r) => (JSON.parse(r.body) as { data: { id: string } }).data.id);
    expect(order).toEqual([alerts[0]!.id, ...alerts.map((a) => a.id)]);
    const ids = received.filter((r) => r.path === '/ordered').map((r) => BigInt(String(r.headers['webhook-id'])));
    expect(ids.slice(1)).toEqual([...ids.slice(1)].sort((a, b) => (a < b ? -1 : 1)));
    expect((await listDeliveries(admin, webhook.id, { limit: 10, status: 'DELIVERED' })).items).toHaveLength(4);
  });

  it('gives up after the last attempt (FAILED, in the log), moves on, and can send it again on request', async () => {
    const org = await createTestParty('PHARMACY');
    const admin = { ...org.actor, userRole: 'ADMIN' as const };
    const { webhook } = await createWebhook(admin, { url: `${base}/down`, topics: ['alert.raised'] }, { ip: null });
    script.set('/down', [500, 500, 500, 500]);
    const dead = await alertFor([org.id], org.id);
    const next = await alertFor([org.id], org.id);
    await drain();
    const log = (await listDeliveries(admin, webhook.id, { limit: 10 })).items;
    expect(log.map((d) => [(d.payload as { data: { id: string } }).data.id, d.status, d.attempts])).toEqual([
      [next.id, 'DELIVERED', 1],
      [dead.id, 'FAILED', policy.maxAttempts],
    ]);
    expect((await listWebhooks(admin))[0]!.deliveries).toMatchObject({ failed: 1, pending: 0 });
    const failedId = log[1]!.id;
    expect(await redeliver(admin, webhook.id, failedId, { ip: null })).toMatchObject({ status: 'PENDING', attempts: 0 });
    await expect(redeliver(admin, webhook.id, failedId, { ip: null })).rejects.toMatchObject({ code: 'conflict' });
    await drain();
    expect((await listDeliveries(admin, webhook.id, { limit: 10, status: 'DELIVERED' })).items.map((d) => d.id)).toContain(failedId);
    await expect(redeliver(pharmacy.actor, webhook.id, failedId, { ip: null })).rejects.toMatchObject({ code: 'webhook_not_found', status: 404 });
  });

  it('sends each attempt once however many senders run at the same time', async () => {
    const org = await createTestParty('DISTRIBUTOR');
    const admin = { ...org.actor, userRole: 'ADMIN' as const };
    await createWebhook(admin, { url: `${base}/concurrent`, topics: ['alert.raised'] }, { ip: null });
    for (let i = 0; i < 5; i++) await alertFor([org.id], org.id);
    await Promise.all([deliverDueWebhooks(policy), deliverDueWebhooks(policy), deliverDueWebhooks(policy)]);
    await drain();
    const ids = received.filter((r) => r.path === '/concurrent').map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it('waits while a webhook is paused and catches up in order when resumed', async () => {
    const org = await createTestParty('PHARMACY');
    const admin = { ...org.actor, userRole: 'ADMIN' as const };
    const { webhook } = await createWebhook(admin, { url: `${base}/paused`, topics: ['alert.raised'] }, { ip: null });
    const first = await alertFor([org.id], org.id);
    await updateWebhook(admin, webhook.id, { active: false }, { ip: null });
    // While paused, nothing new is queued for it, and what was queued waits.
    await alertFor([org.id], org.id);
    await deliverDueWebhooks(policy);
    expect(received.filter((r) => r.path === '/paused')).toEqual([]);
    await updateWebhook(admin, webhook.id, { active: true }, { ip: null });
    await drain();
    expect(received.filter((r) => r.path === '/paused').map((r) => JSON.parse(r.body).data.id)).toEqual([first.id]);
  });
});
