import { z } from 'zod';

/**
 * The environment, validated once. Scripts and the server read settings only
 * through here, so a typo in a variable fails at start with a clear message
 * instead of surfacing later as odd behaviour.
 */
const ZBoolString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Any Postgres. Unset: the launcher starts an embedded Postgres under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Optional owner role for migrations; the app itself may hold fewer rights. */
  DATABASE_OWNER_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where embedded Postgres and the ledger signing key live. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** The public address of this deployment, used in GS1 Digital Links and checkpoint origins. */
  PUBLIC_URL: z.string().url().optional(),
  SEED_DEMO: ZBoolString.optional(),
  /** Checkpoint origin line (C2SP tlog-checkpoint); defaults to the host of PUBLIC_URL. */
  LEDGER_ORIGIN: z.string().min(1).optional(),
  /** Base64 Ed25519 private key (32-byte seed). Unset: generated into DATA_DIR on first start. */
  LEDGER_SIGNING_KEY: z.string().min(1).optional(),
  SEAL_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(60),
  SEAL_MAX_EVENTS: z.coerce.number().int().min(1).default(50_000),
  /** Run the sealer and webhook sender inside the server process. */
  BACKGROUND_JOBS: ZBoolString.default(true),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Goods still in transit this many days after shipping raise shipment_not_received. */
  SHIPMENT_OVERDUE_DAYS: z.coerce.number().min(0.001).max(365).default(5),
  /** How often the periodic alert checks run. */
  ALERT_CHECK_INTERVAL_MINUTES: z.coerce.number().min(0.01).max(24 * 60).default(15),
  /** Base64 of 32 bytes: the AES-256-GCM key for webhook secrets at rest. Unset: generated into DATA_DIR. */
  WEBHOOK_SECRET_KEY: z.string().min(1).optional(),
  /** Lets webhooks call loopback/private addresses and plain http (development and tests only; SSRF guard). */
  WEBHOOK_ALLOW_PRIVATE_URLS: ZBoolString.default(false),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

/** Parses process.env on first use; throws a readable list of problems. */
export function getEnv(): TEnv {
  cached ??= parseEnv();
  return cached;
}

/**
 * Parses process.env now, without the cache: for settings that tests (or a
 * long-running job) may change while the process runs.
 */
export function parseEnv(): TEnv {
  // An empty variable (`FOO=`) means "not set", as most tools treat it.
  const present = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Tests change the environment between files; this forgets the parsed copy. */
export function resetEnvCache(): void {
  cached = undefined;
}

/**
 * The database URL the app must use; absent only before the launcher has set
 * it. Read live (not from the cached copy) because launchers, tests and
 * scripts set it after start-up.
 */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm start` (embedded Postgres) or set DATABASE_URL.',
    );
  }
  return url;
}

export function publicUrl(): string {
  const env = getEnv();
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
}
