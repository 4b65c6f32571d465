import { withTransaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { TOrgRole } from './actor';
import { recordAudit } from './audit';
import type { TOrganisationInput } from './schemas';
import { ZOrganisationInput } from './schemas';

export type TOrganisation = { id: string; name: string; role: TOrgRole; gln: string; country: string; companyPrefixes: string[] };

/**
 * Registers an organisation of the network (onboarding is done by the
 * platform's operators, not self-service). The GLN must be 13 digits with a
 * valid GS1 check digit and unique; the country an ISO 3166-1 alpha-2 code;
 * only manufacturers hold GS1 company prefixes.
 */
export async function createOrganisation(input: TOrganisationInput): Promise<TOrganisation> {
  const parsed = ZOrganisationInput.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('validation_failed', `The organisation is invalid: ${first?.path.join('.')} ${first?.message}`);
  }
  const org = parsed.data;
  if (org.role !== 'MANUFACTURER' && org.companyPrefixes.length > 0) {
    throw new AppError('validation_failed', 'Only manufacturers hold GS1 company prefixes.');
  }
  return withTransaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO organisations (name, role, gln, country, company_prefixes) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (gln) DO NOTHING RETURNING id`,
      [org.name, org.role, org.gln, org.country, org.companyPrefixes],
    );
    const id = rows[0]?.id;
    if (!id) throw new AppError('conflict', `An organisation with GLN ${org.gln} is already registered.`);
    await recordAudit(tx, { action: 'organisation.create', orgId: id, targetType: 'organisation', targetId: id, detail: { name: org.name, role: org.role, gln: org.gln } });
    return { id, ...org };
  });
}
