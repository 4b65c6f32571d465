/**
 * Onboarding for the platform's operators (organisations are not
 * self-service):
 *
 *   npm run org -- create --name "Apotheke Nord" --role pharmacy --gln 4012345000009 \
 *                         --country DE --admin-email chef@apotheke-nord.example [--prefix 4012345]
 *   npm run org -- list
 *
 * `create` registers the organisation and prints a one-time invite link for
 * its first administrator, who then invites colleagues from the console.
 * Uses DATABASE_URL when set, otherwise the embedded database under DATA_DIR.
 */
import { parseArgs } from 'node:util';
import { createOrganisation } from '@/lib/auth/create-organisation';
import { inviteFirstAdmin } from '@/lib/auth/invite-first-admin';
import { inviteLink } from '@/lib/auth/invite-summary';
import { disconnectDb, getPool } from '@/lib/db';
import { publicUrl } from '@/lib/env';
import { openCliDatabase } from '@/lib/db/open-cli-database';

const USAGE = `Usage:
  npm run org -- create --name <name> --role <manufacturer|distributor|pharmacy|regulator> --gln <13 digits>
                        --country <ISO code> --admin-email <address> [--prefix <GS1 company prefix> ...]
  npm run org -- list`;

async function create(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      gln: { type: 'string' },
      country: { type: 'string' },
      'admin-email': { type: 'string' },
      prefix: { type: 'string', multiple: true },
    },
  });
  const missing = ['name', 'role', 'gln', 'country', 'admin-email'].filter((k) => !values[k as keyof typeof values]);
  if (missing.length) throw new Error(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\n${USAGE}`);
  const org = await createOrganisation({
    name: values.name!,
    role: values.role!.toUpperCase() as 'MANUFACTURER',
    gln: values.gln!,
    country: values.country!.toUpperCase(),
    companyPrefixes: values.prefix ?? [],
  });
  const { token, expiresAt } = await inviteFirstAdmin(org.id, values['admin-email']!);
  console.log(`Registered ${org.name} (${org.role.toLowerCase()}, GLN ${org.gln}, ${org.country}).`);
  console.log(`Send this link to ${values['admin-email']} to set up the first administrator account (valid until ${expiresAt.toISOString()}, shown only now):`);
  console.log(`  ${inviteLink(token, publicUrl())}`);
}

async function list(): Promise<void> {
  const { rows } = await getPool().query<{ name: string; role: string; gln: string; country: string; users: number }>(
    `SELECT o.name, o.role, o.gln, o.country, count(u.id)::int AS users
       FROM organisations o LEFT JOIN users u ON u.org_id = o.id AND u.active GROUP BY o.id ORDER BY o.role, o.name`,
  );
  for (const r of rows) console.log(`${r.role.padEnd(12)} ${r.gln}  ${r.country}  ${String(r.users).padStart(3)} user(s)  ${r.name}`);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create' && command !== 'list') {
    console.error(USAGE);
    process.exit(2);
  }
  const database = await openCliDatabase((line) => console.error(line));
  try {
    if (command === 'create') await create(rest);
    else await list();
  } finally {
    await disconnectDb();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
