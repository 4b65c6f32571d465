// Runs `prisma generate` after `npm install`.
//
// The Prisma 7 CLI insists on locating a schema-engine binary even for
// `generate`, which does not use it, and tries to download one when it is
// missing. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any executable (here: node
// itself) satisfies the check without a download (docs/decisions/002).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
const result = spawnSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
