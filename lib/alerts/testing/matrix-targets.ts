import { randomBytes } from 'node:crypto';
import { getPool } from '@/lib/db';
import { raiseAlert } from '../raise-alert';

/**
 * Targets for the access matrix (app/api/access-matrix.int.test.ts): alerts
 * that one organisation sees, made through the production path, and the
 * organisations that see given alerts, for the "nothing foreign" checks.
 */
export async function alertSeenBy(orgId: string): Promise<string> {
  const [raised] = await raiseAlert(getPool(), {
    code: 'unknown_serial',
    severity: 'HIGH',
    subject: `01/04098765000119/21/MTX${randomBytes(6).toString('hex').toUpperCase()}`,
    message: 'A pack with a serial that was never commissioned was scanned (access matrix).',
    raisedByOrgId: orgId,
    visibleTo: [orgId],
  });
  return raised!.id;
}

/** visible_to of each alert id. */
export async function alertAudiences(ids: string[]): Promise<Map<string, string[]>> {
  const { rows } = await getPool().query<{ id: string; visible_to: string[] }>('SELECT id, visible_to FROM alerts WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.visible_to]));
}
