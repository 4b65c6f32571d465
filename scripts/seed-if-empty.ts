import { getEnv } from '@/lib/env';
import { disconnectDb, getPrisma } from '@/lib/db';
import { seedDemo } from '@/prisma/seed';

/**
 * Seeds the demo network into an empty database (no organisations yet), unless
 * SEED_DEMO=false. SEED_DEMO=true seeds even a non-empty one (idempotent).
 */
export async function ensureDemoData(appUrl: string, log: (line: string) => void): Promise<void> {
  const setting = getEnv().SEED_DEMO;
  if (setting === false) return;
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = appUrl;
  try {
    const organisations = await getPrisma().organisation.count();
    if (organisations > 0 && setting !== true) return;
    log('Seeding the demo network (first start) ...');
    await seedDemo(log);
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
