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
