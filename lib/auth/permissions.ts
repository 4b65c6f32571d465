import { AppError } from '@/lib/errors';
import type { TActor, TOrgActor, TOrgRole, TUserRole } from './actor';

/**
 * What an actor may do. A permission says which kind of action is allowed;
 * which rows it applies to (own batches, packs in one's custody, events one
 * took part in) is checked by the domain that owns those rows, using
 * `readScope` and the actor's organisation.
 */
export const PERMISSIONS = [
  'org:read',
  'catalog:read',
  'catalog:write',
  'serials:commission',
  'events:read',
  'events:write',
  'dispense',
  'verify:stock',
  'recall:write',
  'alerts:read',
  'alerts:manage',
  'ledger:audit',
  'network:read',
  'keys:manage',
  'users:manage',
  'webhooks:manage',
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

type TGrid = Record<TOrgRole, Record<TUserRole, readonly TPermission[]>>;

const READ = ['org:read', 'catalog:read', 'events:read', 'alerts:read'] as const;
const ADMIN = ['keys:manage', 'users:manage', 'webhooks:manage'] as const;

/**
 * The single table of who may do what: organisation role x user role.
 * API keys act with their own role (OPERATOR unless created as VIEWER), so a
 * leaked scanner key can never create keys or users.
 */
const GRID: TGrid = {
  MANUFACTURER: {
    // Runs its own catalogue and serialization, ships, recalls its own batches, investigates alerts on its products; and manages its people and integrations.
    ADMIN: [...READ, 'catalog:write', 'serials:commission', 'events:write', 'recall:write', 'alerts:manage', ...ADMIN],
    // Line and QA staff do the same daily work, but accounts, keys and webhooks stay with the administrator.
    OPERATOR: [...READ, 'catalog:write', 'serials:commission', 'events:write', 'recall:write', 'alerts:manage'],
    // Read-only: quality reviewers and auditors of the manufacturer.
    VIEWER: [...READ],
  },
  DISTRIBUTOR: {
    // Receives, verifies and ships on; never creates products or serials, never dispenses to patients. Works its own alert inbox.
    ADMIN: [...READ, 'events:write', 'verify:stock', 'alerts:manage', ...ADMIN],
    // Warehouse staff scan goods in and out, verify stock, and acknowledge and close the alerts their scans raise.
    OPERATOR: [...READ, 'events:write', 'verify:stock', 'alerts:manage'],
    // Read-only: managers following stock and alerts.
    VIEWER: [...READ],
  },
  PHARMACY: {
    // Receives, verifies and dispenses (verify + decommission) to patients. Works its own alert inbox.
    ADMIN: [...READ, 'events:write', 'verify:stock', 'dispense', 'alerts:manage', ...ADMIN],
    // Counter staff verify and dispense, and acknowledge and close the alerts of their counter; they do not manage accounts.
    OPERATOR: [...READ, 'events:write', 'verify:stock', 'dispense', 'alerts:manage'],
    // Read-only: e.g. a supervising pharmacist reviewing history.
    VIEWER: [...READ],
  },
  REGULATOR: {
    // Oversees the whole network: reads everything, recalls any batch, audits the ledger, runs alert investigations; records no supply-chain events.
    ADMIN: [...READ, 'network:read', 'ledger:audit', 'recall:write', 'alerts:manage', ...ADMIN],
    // Inspectors act on recalls and alerts across the network.
    OPERATOR: [...READ, 'network:read', 'ledger:audit', 'recall:write', 'alerts:manage'],
    // Auditors: read the whole network and audit the ledger, change nothing.
    VIEWER: [...READ, 'network:read', 'ledger:audit'],
  },
};

const TABLE = new Map<string, ReadonlySet<TPermission>>(
  Object.entries(GRID).flatMap(([orgRole, byUser]) =>
    Object.entries(byUser).map(([userRole, list]) => [`${orgRole}/${userRole}`, new Set(list)] as const),
  ),
);

/** The permissions of an organisation role and user role, in PERMISSIONS order. */
export function permissionsOf(orgRole: TOrgRole, userRole: TUserRole): TPermission[] {
  const set = TABLE.get(`${orgRole}/${userRole}`);
  return set ? PERMISSIONS.filter((p) => set.has(p)) : [];
}

export function can(actor: TActor, permission: TPermission): boolean {
  if (actor.kind === 'anonymous') return false;
  return TABLE.get(`${actor.orgRole}/${actor.userRole}`)?.has(permission) ?? false;
}

/** Throws 401 `unauthenticated` for anonymous callers and 403 `forbidden` when the role lacks the permission. */
export function assertCan(actor: TActor, permission: TPermission): asserts actor is TOrgActor {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!can(actor, permission)) {
    throw new AppError('forbidden', `Your role (${actor.orgRole.toLowerCase()} ${actor.userRole.toLowerCase()}) may not do this (needs ${permission}).`);
  }
}

export type TReadScope = { all: true } | { all: false; orgId: string };

/**
 * Which organisations' rows an actor may read: the regulator reads the whole
 * network; everyone else only what its own organisation took part in.
 */
export function readScope(actor: TActor): TReadScope {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  return can(actor, 'network:read') ? { all: true } : { all: false, orgId: actor.orgId };
}
