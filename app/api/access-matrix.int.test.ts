/**
 * The access matrix: every route handler under app/ against every kind of
 * caller, asserting the exact set of callers that gets through. Refusals must
 * be 401 (no or dead credentials) or 403/404 (signed in, not allowed; 404 for
 * another organisation's rows), always problem+json, never 5xx.
 *
 * Adding a route: add a row to ROUTES with its method, path (the folder path
 * under app/, e.g. '/api/v1/batches/[id]'), who is allowed, the status they
 * get, and a `setup` when the request needs a body or a target row (setup runs
 * once per caller, so mutations always get a fresh target). A target owned by
 * one organisation ('pharmacy', say) shows that every other organisation is
 * refused. The completeness test fails for any route without a row.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TActor, TOrgRole, TUserRole } from '@/lib/auth/actor';
import { createInvite } from '@/lib/auth/create-invite';
import { resolveActor } from '@/lib/auth/resolve-actor';
import { sealedLedger } from '@/lib/ledger/testing/sealed-ledger';
import { freshGtin, freshLot, manufacturerTargets } from '@/lib/events/testing/matrix-targets';
import { epcisMatrixTargets, matrixCaptureDocument } from '@/lib/epcis/testing/matrix-targets';
import { packDispensedBy, packHeldBy } from '@/lib/verification/testing/matrix-targets';
import { alertAudiences, alertSeenBy } from '@/lib/alerts/testing/matrix-targets';
import { freshRecallableBatch, openTestRecall } from '@/lib/recalls/testing/matrix-targets';
import { insertFailedDelivery, insertTestWebhook, webhookOwners } from '@/lib/webhooks/testing/matrix-targets';
import {
  createTestApiKey,
  createTestOrg,
  createTestSession,
  createTestUser,
  sessionCookie,
  TEST_PASSWORD,
} from '@/lib/auth/test-fixtures';

// ------------------------------------------------------------------ callers

const ORGS = {
  manufacturer: 'MANUFACTURER',
  manufacturer2: 'MANUFACTURER',
  distributor: 'DISTRIBUTOR',
  distributor2: 'DISTRIBUTOR',
  pharmacy: 'PHARMACY',
  pharmacy2: 'PHARMACY',
  regulator: 'REGULATOR',
  regulator2: 'REGULATOR',
} as const satisfies Record<string, TOrgRole>;

type TOrgKey = keyof typeof ORGS;
/** A signed-in user of each role, and an API key (which acts as an operator). */
type TMember = 'admin' | 'operator' | 'viewer' | 'key';
const MEMBERS: readonly TMember[] = ['admin', 'operator', 'viewer', 'key'];
/** Callers whose credentials are missing or dead: always 401. */
const UNAUTHENTICATED = ['anonymous', 'revokedKey', 'expiredSession', 'deactivatedUser'] as const;

type TCaller = { name: string; headers: Record<string, string>; org?: TOrgKey; member?: TMember; userId?: string };

type TWorldOrg = {
  id: string;
  role: TOrgRole;
  adminActor: TActor;
  userIds: string[];
  apiKeyIds: string[];
  inviteIds: string[];
};

type TWorld = {
  orgs: Record<TOrgKey, TWorldOrg>;
  callers: TCaller[];
  /** A user whose credentials sign-in rows use. */
  signInEmail: string;
};

// ---------------------------------------------------------------- the table

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** `body` is sent as JSON; `text` as it is, with the content type in `headers` (e.g. text/csv). */
type TRequestPlan = { params?: Record<string, string>; body?: unknown; text?: string; query?: string; headers?: Record<string, string> };

type TRow = {
  method: TMethod;
  /** The route's folder path under app/, params in brackets: '/api/v1/api-keys/[id]'. */
  path: string;
  allowed: (caller: TCaller) => boolean;
  /** Status for allowed callers. */
  status: number;
  setup?: (world: TWorld, caller: TCaller) => Promise<TRequestPlan>;
  /** More assertions on allowed answers, e.g. that no other organisation's rows appear. */
  check?: (body: unknown, caller: TCaller, world: TWorld) => Promise<void> | void;
};

const anyone = () => true;
const signedIn = (c: TCaller) => c.org !== undefined;
const admins = (c: TCaller) => c.member === 'admin';
const adminOf = (org: TOrgKey) => (c: TCaller) => c.org === org && c.member === 'admin';
/** Every member (and key) of these organisations. */
const membersOf = (...orgs: TOrgKey[]) => (c: TCaller) => c.org !== undefined && orgs.includes(c.org);
/** Members of these organisations who may write (admins, operators, keys; not viewers). */
const writersOf = (...orgs: TOrgKey[]) => (c: TCaller) => c.org !== undefined && orgs.includes(c.org) && c.member !== 'viewer';

/** Ids the caller's organisation must not see: those of every other organisation. */
function foreignIds(world: TWorld, caller: TCaller, pick: (o: TWorldOrg) => string[]): Set<string> {
  return new Set(Object.entries(world.orgs).flatMap(([key, org]) => (key === caller.org ? [] : pick(org))));
}

function itemIds(body: unknown): string[] {
  return (body as { items: { id: string }[] }).items.map((i) => i.id);
}

const ROUTES: TRow[] = [
  { method: 'GET', path: '/api/health', allowed: anyone, status: 200 },

  // -- session
  {
    method: 'POST',
    path: '/api/v1/session',
    allowed: anyone,
    status: 200,
    setup: async (world) => ({ body: { email: world.signInEmail, password: TEST_PASSWORD } }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/session',
    allowed: anyone,
    status: 204,
    // Signing out must not end the session the other rows use: give user callers a fresh one.
    setup: async (_world, caller) => (caller.userId ? { headers: { cookie: sessionCookie(await createTestSession(caller.userId)) } } : {}),
  },
  {
    method: 'GET',
    path: '/api/v1/me',
    allowed: signedIn,
    status: 200,
    check: (body, caller, world) => expect((body as { organisation: { id: string } }).organisation.id).toBe(world.orgs[caller.org!].id),
  },

  // -- API keys
  {
    method: 'GET',
    path: '/api/v1/api-keys',
    allowed: admins,
    status: 200,
    check: (body, caller, world) => {
      const foreign = foreignIds(world, caller, (o) => o.apiKeyIds);
      expect(itemIds(body).filter((id) => foreign.has(id))).toEqual([]);
      expect(JSON.stringify(body)).not.toMatch(/ptk_[A-Za-z0-9_-]{43}/);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/api-keys',
    allowed: admins,
    status: 201,
    setup: async () => ({ body: { name: 'Matrix scanner' } }),
    check: async (body, caller, world) => {
      const actor = await resolveActor({ authorization: `Bearer ${(body as { key: string }).key}` });
      expect(actor).toMatchObject({ kind: 'apiKey', orgId: world.orgs[caller.org!].id, userRole: 'OPERATOR' });
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/api-keys/[id]',
    allowed: adminOf('pharmacy'),
    status: 200,
    setup: async (world) => ({ params: { id: (await createTestApiKey(world.orgs.pharmacy.id)).id } }),
  },

  // -- users
  {
    method: 'GET',
    path: '/api/v1/users',
    allowed: admins,
    status: 200,
    check: (body, caller, world) => {
      const foreign = foreignIds(world, caller, (o) => o.userIds);
      expect(itemIds(body).filter((id) => foreign.has(id))).toEqual([]);
      expect(itemIds(body)).toEqual(expect.arrayContaining(world.orgs[caller.org!].userIds));
    },
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/[id]',
    allowed: adminOf('manufacturer'),
    status: 200,
    setup: async (world) => ({ params: { id: (await createTestUser(world.orgs.manufacturer.id, 'OPERATOR')).id }, body: { active: false } }),
  },

  // -- invites
  {
    method: 'GET',
    path: '/api/v1/invites',
    allowed: admins,
    status: 200,
    check: (body, caller, world) => {
      const foreign = foreignIds(world, caller, (o) => o.inviteIds);
      expect(itemIds(body).filter((id) => foreign.has(id))).toEqual([]);
      expect(itemIds(body)).toEqual(expect.arrayContaining(world.orgs[caller.org!].inviteIds));
    },
  },
  {
    method: 'POST',
    path: '/api/v1/invites',
    allowed: admins,
    status: 201,
    setup: async (_world, caller) => ({ body: { email: `new-${caller.name.replace('.', '-')}-${Date.now()}@matrix.example`, role: 'VIEWER' } }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/invites/[id]',
    allowed: adminOf('distributor'),
    status: 204,
    setup: async (world) => {
      const email = `pending-${Date.now()}-${Math.random().toString(36).slice(2)}@matrix.example`;
      const { invite } = await createInvite(world.orgs.distributor.adminActor, { email, role: 'OPERATOR' }, { ip: null });
      return { params: { id: invite.id } };
    },
  },

  // -- ledger and proofs: public (credentials are not even looked at), nothing private in them
  { method: 'GET', path: '/api/v1/ledger/checkpoint', allowed: anyone, status: 200, setup: async () => (await sealedLedger(), {}) },
  { method: 'GET', path: '/api/v1/ledger/key', allowed: anyone, status: 200 },
  { method: 'GET', path: '/api/v1/ledger/consistency', allowed: anyone, status: 200, setup: async () => (await sealedLedger(), { query: 'from=1&to=2' }) },
  { method: 'GET', path: '/api/v1/ledger/anchors', allowed: anyone, status: 200 },
  { method: 'GET', path: '/api/v1/proofs/[eventId]', allowed: anyone, status: 200, setup: async () => ({ params: { eventId: (await sealedLedger()).eventId } }) },

  // -- catalog, serialization, scans, packs, cases, stock (lib/catalog, lib/events)
  { method: 'GET', path: '/api/v1/products', allowed: signedIn, status: 200 },
  {
    method: 'POST',
    path: '/api/v1/products',
    allowed: writersOf('manufacturer', 'manufacturer2'),
    status: 201,
    setup: async (world, caller) => {
      const org = caller.org ?? 'manufacturer';
      const gtin = await freshGtin(world.orgs[org].id);
      return { body: { gtin, name: 'Matrix capsules', form: 'capsule', strength: '1 mg', packSize: 10, companyPrefixLength: 7 } };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/products/[gtin]',
    allowed: signedIn,
    status: 200,
    setup: async (world) => ({ params: { gtin: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).gtin } }),
  },
  {
    method: 'GET',
    path: '/api/v1/batches',
    allowed: signedIn,
    status: 200,
    setup: async (world) => (await manufacturerTargets(world.orgs.manufacturer.adminActor), {}),
    check: (body, caller, world) => {
      // Nobody but the manufacturers holds packs in this world: others see only their own batches, the regulator all.
      const owners = (body as { items: { owner: { id: string } }[] }).items.map((b) => b.owner.id);
      if (world.orgs[caller.org!].role !== 'REGULATOR') expect(owners.filter((id) => id !== world.orgs[caller.org!].id)).toEqual([]);
      else expect(owners).toContain(world.orgs.manufacturer.id);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/batches',
    allowed: writersOf('manufacturer'),
    status: 201,
    setup: async (world) => ({ body: { gtin: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).gtin, lot: freshLot(), expiry: '2031-01-31' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/batches/[id]',
    allowed: membersOf('manufacturer', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { id: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).batchId } }),
  },
  {
    method: 'GET',
    path: '/api/v1/batches/[id]/events',
    allowed: membersOf('manufacturer', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { id: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).batchId } }),
  },
  {
    method: 'POST',
    path: '/api/v1/batches/[id]/commission',
    allowed: writersOf('manufacturer'),
    status: 201,
    setup: async (world) => ({ params: { id: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).batchId }, body: { count: 2 } }),
  },
  {
    method: 'POST',
    path: '/api/v1/batches/[id]/serials',
    allowed: writersOf('manufacturer'),
    status: 201,
    setup: async (world) => ({
      params: { id: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).batchId },
      text: `serial\n${freshLot()}\n${freshLot()}\n`,
      headers: { 'content-type': 'text/csv' },
    }),
  },
  // -- the consoles' own handlers (app/console): commissioning with progress, the serial list
  {
    method: 'POST',
    path: '/console/batches/[id]/commission',
    allowed: writersOf('manufacturer'),
    status: 200,
    setup: async (world) => ({ params: { id: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).batchId }, body: { count: 2 } }),
  },
  {
    method: 'GET',
    path: '/console/batches/[id]/serials',
    allowed: writersOf('manufacturer'),
    status: 200,
    setup: async (world) => ({ params: { id: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).batchId } }),
  },
  {
    method: 'POST',
    path: '/api/v1/scans',
    allowed: (c) => c.org !== undefined && !c.org.startsWith('regulator') && c.member !== 'viewer',
    status: 201,
    // A receipt of goods nobody shipped to the caller: recorded as an anomaly (with an alert), whoever records it.
    setup: async (world) => {
      const { gtin, serials } = await manufacturerTargets(world.orgs.manufacturer.adminActor);
      return { body: { events: [{ kind: 'receive', codes: [`https://id.gs1.org/01/${gtin}/21/${serials[0]}`], eventTime: new Date(Date.now() - Math.floor(Math.random() * 1e9)).toISOString() }] } };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/packs/[gtin]/[serial]',
    allowed: membersOf('manufacturer', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => {
      const { gtin, serials } = await manufacturerTargets(world.orgs.manufacturer.adminActor);
      return { params: { gtin, serial: serials[1]! } };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/packs/[gtin]/[serial]/events',
    allowed: membersOf('manufacturer', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => {
      const { gtin, serials } = await manufacturerTargets(world.orgs.manufacturer.adminActor);
      return { params: { gtin, serial: serials[1]! } };
    },
  },
  { method: 'POST', path: '/api/v1/containers', allowed: writersOf('manufacturer', 'manufacturer2'), status: 201 },
  {
    method: 'GET',
    path: '/api/v1/containers/[sscc]',
    allowed: membersOf('manufacturer', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { sscc: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).sscc } }),
  },
  {
    method: 'GET',
    path: '/api/v1/containers/[sscc]/events',
    allowed: membersOf('manufacturer', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { sscc: (await manufacturerTargets(world.orgs.manufacturer.adminActor)).sscc } }),
  },
  { method: 'GET', path: '/api/v1/stock', allowed: signedIn, status: 200 },
  { method: 'GET', path: '/api/v1/openapi.json', allowed: anyone, status: 200 },

  // -- EPCIS 2.0 REST binding (lib/epcis): capture by organisations that record events, queries by every member;
  // a job or event of the pharmacy is its own and the regulator's; query results hold only the caller's events.
  { method: 'OPTIONS', path: '/epcis/capture', allowed: anyone, status: 204 },
  {
    method: 'POST',
    path: '/epcis/capture',
    allowed: (c) => c.org !== undefined && !c.org.startsWith('regulator') && c.member !== 'viewer',
    status: 202,
    setup: async () => ({ body: matrixCaptureDocument() }),
  },
  { method: 'GET', path: '/epcis/capture', allowed: signedIn, status: 200 },
  {
    method: 'GET',
    path: '/epcis/capture/[captureID]',
    allowed: membersOf('pharmacy', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { captureID: (await epcisMatrixTargets(world.orgs.pharmacy.adminActor)).captureId } }),
  },
  { method: 'OPTIONS', path: '/epcis/events', allowed: anyone, status: 204 },
  { method: 'GET', path: '/epcis/events', allowed: signedIn, status: 200 },
  {
    method: 'GET',
    path: '/epcis/events/[eventID]',
    allowed: membersOf('pharmacy', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { eventID: (await epcisMatrixTargets(world.orgs.pharmacy.adminActor)).eventId } }),
  },
  {
    method: 'GET',
    path: '/epcis/epcs/[epc]/events',
    allowed: signedIn,
    status: 200,
    setup: async (world) => {
      const { gtin, serials } = await manufacturerTargets(world.orgs.manufacturer.adminActor);
      return { params: { epc: `https://id.gs1.org/01/${gtin}/21/${serials[2]}` } };
    },
    // Only the manufacturer (who commissioned the pack) and the regulator were parties to its events.
    check: (body, caller) => {
      const events = (body as { epcisBody: { queryResults: { resultsBody: { eventList: unknown[] } } } }).epcisBody.queryResults.resultsBody.eventList;
      expect(events.length > 0).toBe(['manufacturer', 'regulator', 'regulator2'].includes(caller.org!));
    },
  },
  { method: 'GET', path: '/epcis/eventTypes', allowed: signedIn, status: 200 },
  { method: 'GET', path: '/epcis/eventTypes/[eventType]/events', allowed: signedIn, status: 200, setup: async () => ({ params: { eventType: 'ObjectEvent' } }) },
  { method: 'GET', path: '/epcis/bizSteps', allowed: signedIn, status: 200 },
  { method: 'GET', path: '/epcis/bizSteps/[bizStep]/events', allowed: signedIn, status: 200, setup: async () => ({ params: { bizStep: 'dispensing' } }) },

  // -- public verification, dispensing, saleable returns (lib/verification)
  {
    method: 'GET',
    path: '/api/v1/verify',
    allowed: anyone,
    status: 200,
    setup: async (world) => {
      const { gtin, serials } = await manufacturerTargets(world.orgs.manufacturer.adminActor);
      return { query: `code=${encodeURIComponent(`https://id.gs1.org/01/${gtin}/21/${serials[2]}`)}` };
    },
    // Public: nothing of the organisations involved beyond the manufacturer's name.
    check: (body, _caller, world) => expect(JSON.stringify(body)).not.toContain(world.orgs.manufacturer.id),
  },
  {
    method: 'POST',
    path: '/api/v1/dispense',
    allowed: writersOf('pharmacy', 'pharmacy2'),
    status: 201,
    // Each caller dispenses a pack its own organisation holds (another pharmacy's for everyone else).
    setup: async (world, caller) => {
      const holder = caller.org === 'pharmacy2' ? world.orgs.pharmacy2 : world.orgs.pharmacy;
      return { body: { code: (await packHeldBy(world.orgs.manufacturer.adminActor, holder.adminActor)).code } };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/dispense/undo',
    allowed: writersOf('pharmacy', 'pharmacy2'),
    status: 201,
    setup: async (world, caller) => {
      const holder = caller.org === 'pharmacy2' ? world.orgs.pharmacy2 : world.orgs.pharmacy;
      return { body: { code: (await packDispensedBy(world.orgs.manufacturer.adminActor, holder.adminActor)).code } };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/dispense/verify',
    allowed: writersOf('pharmacy', 'pharmacy2', 'distributor', 'distributor2'),
    status: 200,
    setup: async (world) => {
      const { gtin, serials } = await manufacturerTargets(world.orgs.manufacturer.adminActor);
      return { body: { code: `https://id.gs1.org/01/${gtin}/21/${serials[3]}` } };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/lvm/01/[gtin]/10/[lot]/21/[serial]',
    allowed: writersOf('pharmacy', 'pharmacy2', 'distributor', 'distributor2'),
    status: 200,
    setup: async (world) => {
      const { gtin, lot, serials } = await manufacturerTargets(world.orgs.manufacturer.adminActor);
      return { params: { gtin, lot, serial: serials[3]! }, query: '17=300630&linkType=gs1:verificationService&context=dscsaSaleableReturn' };
    },
  },

  // -- alerts (lib/alerts): each organisation its own inbox, the regulator all; viewers read only
  {
    method: 'GET',
    path: '/api/v1/alerts',
    allowed: signedIn,
    status: 200,
    setup: async (world) => (await alertSeenBy(world.orgs.pharmacy.id), {}),
    check: async (body, caller, world) => {
      const ids = (body as { items: { id: string }[] }).items.map((a) => a.id);
      const org = world.orgs[caller.org!];
      if (org.role === 'REGULATOR') return void expect(ids.length).toBeGreaterThan(0);
      for (const audience of (await alertAudiences(ids)).values()) expect(audience).toContain(org.id);
    },
  },
  {
    method: 'GET',
    path: '/api/v1/alerts/[id]',
    allowed: membersOf('pharmacy', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { id: await alertSeenBy(world.orgs.pharmacy.id) } }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/alerts/[id]',
    allowed: writersOf('pharmacy', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { id: await alertSeenBy(world.orgs.pharmacy.id) }, body: { status: 'ACKNOWLEDGED' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/overview',
    allowed: membersOf('regulator', 'regulator2'),
    status: 200,
  },

  // -- recalls (lib/recalls): everyone reads them; the manufacturer recalls its own batches, the regulator any
  { method: 'GET', path: '/api/v1/recalls', allowed: signedIn, status: 200, setup: async (world) => (await openTestRecall(world.orgs.manufacturer.adminActor), {}) },
  {
    method: 'POST',
    path: '/api/v1/recalls',
    allowed: writersOf('manufacturer', 'regulator', 'regulator2'),
    status: 201,
    setup: async (world) => ({ body: { batchId: await freshRecallableBatch(world.orgs.manufacturer.adminActor), class: 'II', reason: 'Access matrix recall.' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/recalls/[id]',
    allowed: signedIn,
    status: 200,
    setup: async (world) => ({ params: { id: await openTestRecall(world.orgs.manufacturer.adminActor) } }),
  },
  {
    method: 'POST',
    path: '/api/v1/recalls/[id]/close',
    allowed: writersOf('manufacturer', 'regulator', 'regulator2'),
    status: 200,
    setup: async (world) => ({ params: { id: await openTestRecall(world.orgs.manufacturer.adminActor) }, body: { note: 'Stock returned.' } }),
  },

  // -- webhooks (lib/webhooks): administrators of the organisation only (API keys never)
  {
    method: 'GET',
    path: '/api/v1/webhooks',
    allowed: admins,
    status: 200,
    // Every administrator's organisation gets a webhook, so each sees its own and none of the others'.
    setup: async (world, caller) => (caller.member === 'admin' ? await insertTestWebhook(world.orgs[caller.org!].id) : null, {}),
    check: async (body, caller, world) => {
      const owners = await webhookOwners((body as { items: { id: string }[] }).items.map((w) => w.id));
      expect(owners.size).toBeGreaterThan(0);
      for (const owner of owners.values()) expect(owner).toBe(world.orgs[caller.org!].id);
      expect(JSON.stringify(body)).not.toMatch(/whsec_/);
    },
  },
  {
    method: 'POST',
    path: '/api/v1/webhooks',
    allowed: admins,
    status: 201,
    // A public address; no sender runs in this test, so it is never called.
    setup: async () => ({ body: { url: 'https://1.1.1.1/pharmatrace-matrix', topics: ['alert.raised', 'recall.opened'] } }),
    check: (body) => expect((body as { secret: string }).secret).toMatch(/^whsec_/),
  },
  {
    method: 'GET',
    path: '/api/v1/webhooks/[id]',
    allowed: adminOf('pharmacy'),
    status: 200,
    setup: async (world) => ({ params: { id: await insertTestWebhook(world.orgs.pharmacy.id) } }),
  },
  {
    method: 'PATCH',
    path: '/api/v1/webhooks/[id]',
    allowed: adminOf('pharmacy'),
    status: 200,
    setup: async (world) => ({ params: { id: await insertTestWebhook(world.orgs.pharmacy.id) }, body: { active: false } }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/webhooks/[id]',
    allowed: adminOf('pharmacy'),
    status: 204,
    setup: async (world) => ({ params: { id: await insertTestWebhook(world.orgs.pharmacy.id) } }),
  },
  {
    method: 'GET',
    path: '/api/v1/webhooks/[id]/deliveries',
    allowed: adminOf('pharmacy'),
    status: 200,
    setup: async (world) => ({ params: { id: await insertTestWebhook(world.orgs.pharmacy.id) } }),
  },
  {
    method: 'POST',
    path: '/api/v1/webhooks/[id]/deliveries/[deliveryId]/redeliver',
    allowed: adminOf('pharmacy'),
    status: 200,
    setup: async (world) => {
      const id = await insertTestWebhook(world.orgs.pharmacy.id);
      return { params: { id, deliveryId: await insertFailedDelivery(id) } };
    },
  },
];

// --------------------------------------------------------------- the world

async function buildOrg(key: TOrgKey, role: TOrgRole, callers: TCaller[]): Promise<TWorldOrg> {
  const org = await createTestOrg(role, `Matrix ${key}`);
  const userIds: string[] = [];
  let adminActor: TActor = { kind: 'anonymous' };
  for (const member of MEMBERS) {
    if (member === 'key') {
      const apiKey = await createTestApiKey(org.id);
      callers.push({ name: `${key}.key`, org: key, member, headers: { authorization: `Bearer ${apiKey.key}` } });
      continue;
    }
    const user = await createTestUser(org.id, member.toUpperCase() as TUserRole);
    const token = await createTestSession(user.id);
    userIds.push(user.id);
    if (member === 'admin') adminActor = await resolveActor({ sessionToken: token });
    callers.push({ name: `${key}.${member}`, org: key, member, userId: user.id, headers: { cookie: sessionCookie(token) } });
  }
  const revoked = await createTestApiKey(org.id, { revoked: true });
  const live = await createTestApiKey(org.id);
  const { invite } = await createInvite(adminActor, { email: `invited-${key}@matrix.example`, role: 'VIEWER' }, { ip: null });
  return { id: org.id, role, adminActor, userIds, apiKeyIds: [revoked.id, live.id], inviteIds: [invite.id] };
}

async function buildWorld(): Promise<TWorld> {
  const callers: TCaller[] = [{ name: 'anonymous', headers: {} }];
  const orgs = {} as Record<TOrgKey, TWorldOrg>;
  for (const [key, role] of Object.entries(ORGS) as [TOrgKey, TOrgRole][]) orgs[key] = await buildOrg(key, role, callers);
  const home = orgs.pharmacy.id;
  const revoked = await createTestApiKey(home, { revoked: true });
  const staff = await createTestUser(home, 'OPERATOR');
  const gone = await createTestUser(home, 'OPERATOR', { active: false });
  callers.push(
    { name: 'revokedKey', headers: { authorization: `Bearer ${revoked.key}` } },
    { name: 'expiredSession', headers: { cookie: sessionCookie(await createTestSession(staff.id, { expired: true })) } },
    { name: 'deactivatedUser', headers: { cookie: sessionCookie(await createTestSession(gone.id)) } },
  );
  const signInUser = await createTestUser(orgs.regulator2.id, 'VIEWER');
  return { orgs, callers, signInEmail: signInUser.email };
}

// ------------------------------------------------------------- the runner

type THandler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const APP_DIR = path.join(process.cwd(), 'app');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

async function routeModule(routePath: string): Promise<Record<string, unknown>> {
  return import(/* @vite-ignore */ path.join(APP_DIR, routePath, 'route.ts'));
}

async function call(row: TRow, caller: TCaller, world: TWorld): Promise<Response> {
  const plan = row.setup ? await row.setup(world, caller) : {};
  const url = new URL(`http://matrix.test${row.path.replace(/\[(\w+)\]/g, (_m, name: string) => encodeURIComponent(plan.params?.[name] ?? ''))}`);
  if (plan.query) url.search = plan.query;
  const headers = new Headers({ ...caller.headers, ...plan.headers });
  let body: string | undefined;
  if (plan.body !== undefined) {
    body = JSON.stringify(plan.body);
    headers.set('content-type', 'application/json');
  }
  if (plan.text !== undefined) body = plan.text;
  const handler = (await routeModule(row.path))[row.method] as THandler;
  return handler(new Request(url, { method: row.method, headers, body }), { params: Promise.resolve(plan.params ?? {}) });
}

/** What a caller should get: the row's status, 401 without live credentials, otherwise a refusal. */
function expectedOutcome(row: TRow, caller: TCaller): string {
  if (row.allowed(caller)) return String(row.status);
  return (UNAUTHENTICATED as readonly string[]).includes(caller.name) ? '401' : 'refused (403/404)';
}

function actualOutcome(status: number): string {
  return status === 403 || status === 404 ? 'refused (403/404)' : String(status);
}

let world: TWorld;

beforeAll(async () => {
  world = await buildWorld();
});

describe('access matrix', () => {
  describe.each(ROUTES.map((row) => [`${row.method} ${row.path}`, row] as const))('%s', (_name, row) => {
    it('lets through exactly the allowed callers, and refuses the others with a problem', async () => {
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      const badRefusals: string[] = [];
      for (const caller of world.callers) {
        expected[caller.name] = expectedOutcome(row, caller);
        const response = await call(row, caller, world);
        actual[caller.name] = actualOutcome(response.status);
        if (response.status >= 400) {
          const type = response.headers.get('content-type');
          const problem = type === 'application/problem+json' ? ((await response.json()) as { code?: string; status?: number }) : null;
          if (!problem?.code || problem.status !== response.status) badRefusals.push(`${caller.name}: ${response.status} ${type}`);
        } else if (row.check && expected[caller.name] === actual[caller.name]) {
          await row.check(response.status === 204 ? null : await response.json(), caller, world);
        }
      }
      expect(actual).toEqual(expected);
      expect(badRefusals).toEqual([]);
    });
  });

  it('has a row for every route handler in app/, and every row names a real handler', async () => {
    const handlers: string[] = [];
    for (const file of routeFiles(APP_DIR)) {
      const routePath = '/' + path.relative(APP_DIR, path.dirname(file)).split(path.sep).join('/');
      const exported = await routeModule(routePath);
      for (const method of HTTP_METHODS) if (typeof exported[method] === 'function') handlers.push(`${method} ${routePath}`);
    }
    const rows = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(handlers.filter((h) => !rows.includes(h)).sort()).toEqual([]);
    expect(rows.filter((r) => !handlers.includes(r)).sort()).toEqual([]);
  });
});

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}
