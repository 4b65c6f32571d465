import type { TOrgRole, TUserRole } from '@/lib/auth/actor';
import type { TPermission } from '@/lib/auth/permissions';

export const ORG_ROLE_LABEL: Record<TOrgRole, string> = {
  MANUFACTURER: 'Manufacturer',
  DISTRIBUTOR: 'Distributor',
  PHARMACY: 'Pharmacy',
  REGULATOR: 'Regulator',
};

export const USER_ROLE_LABEL: Record<TUserRole, string> = {
  ADMIN: 'Administrator',
  OPERATOR: 'Operator',
  VIEWER: 'Viewer',
};

/** What each permission lets a person do, in their words. */
export const PERMISSION_LABEL: Record<TPermission, string> = {
  'org:read': 'See your organisation',
  'catalog:read': 'See products and batches',
  'catalog:write': 'Register products and batches',
  'serials:commission': 'Commission serial numbers',
  'events:read': 'See the history of packs you handled',
  'events:write': 'Record scans (receive, ship, return)',
  dispense: 'Verify and dispense packs',
  'verify:stock': 'Verify packs in stock',
  'recall:write': 'Recall batches',
  'alerts:read': 'See alerts',
  'alerts:manage': 'Investigate and close alerts',
  'ledger:audit': 'Audit the ledger',
  'network:read': 'See the whole network',
  'keys:manage': 'Manage API keys',
  'users:manage': 'Invite and manage users',
  'webhooks:manage': 'Manage webhooks',
};

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** Dates in the console are shown in UTC, labelled, so a team across time zones reads the same moment. */
export function formatDateTime(value: Date | null, never = 'Never'): string {
  return value ? `${DATE_TIME.format(value)} UTC` : never;
}

/** Pack statuses as people say them. */
export const PACK_STATUS_LABEL: Record<string, string> = {
  ACTIVE: 'Active',
  DISPENSED: 'Dispensed',
  RECALLED: 'Recalled',
  STOLEN: 'Reported stolen',
  EXPIRED: 'Expired',
  DESTROYED: 'Destroyed',
};

/** What happened, for each custody kind (lib/events), in the past tense of a history. */
export const EVENT_KIND_LABEL: Record<string, string> = {
  commission: 'Commissioned',
  pack: 'Packed into a case',
  unpack: 'Taken out of a case',
  ship: 'Shipped',
  return: 'Returned',
  receive: 'Received',
  dispense: 'Dispensed to a patient',
  restock: 'Put back into stock',
  destroy: 'Destroyed',
  recall: 'Recalled',
  stolen: 'Reported stolen',
  expire: 'Marked expired',
  observe: 'Observed',
  declaration: 'Error declared',
};

/** CBV business steps, for charts, filters and tables. */
export const BIZ_STEP_LABEL: Record<string, string> = {
  commissioning: 'Commissioning',
  packing: 'Packing',
  unpacking: 'Unpacking',
  shipping: 'Shipping',
  receiving: 'Receiving',
  storing: 'Put-away',
  stocking: 'Restocking',
  dispensing: 'Dispensing',
  decommissioning: 'Decommissioning',
  destroying: 'Destroying',
  holding: 'Recall hold',
  inspecting: 'Inspecting',
  other: 'Other',
};

export function bizStepLabel(step: string | null): string {
  if (step === null) return BIZ_STEP_LABEL.other as string;
  return BIZ_STEP_LABEL[step] ?? step.replace(/_/g, ' ');
}
