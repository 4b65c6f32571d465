import { defineConfig } from 'prisma/config';

// The Prisma CLI reads this file. Only `prisma generate` is used in normal work
// (migrations are applied by scripts/db.ts; see docs/decisions/002). Where the
// schema-engine binary is available, `prisma migrate deploy` works on the same
// folder because applied migrations are recorded in _prisma_migrations.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL ?? '' },
});
