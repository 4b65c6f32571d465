/**
 * The production server (`npm start` runs it after building; the benchmark
 * and the e2e tests run it too): Next.js behind node:http, with the fast
 * lane in front for the hot API routes (lib/server/fast-lane.ts,
 * docs/decisions/093).
 *
 *   tsx scripts/serve.ts [-p PORT] [-H HOSTNAME]
 *
 * DATABASE_URL and the rest of the environment as for the app; PORT when
 * -p is not given. SIGTERM or SIGINT: stop accepting, finish what is in
 * flight (at most 10 s), exit.
 */
import http from 'node:http';
import { GET as healthGet } from '@/app/api/health/route';
import { POST as dispensePost } from '@/app/api/v1/dispense/route';
import { GET as verifyGet } from '@/app/api/v1/verify/route';
import { createFastLane, type TFastRoute } from '@/lib/server/fast-lane';
import { readStaticHeaderRules } from '@/lib/server/static-headers';

/** The public verdict, the counter's dispense, and the health check that load balancers poll. */
const FAST_ROUTES: TFastRoute[] = [
  { method: 'GET', path: '/api/v1/verify', handler: (request) => verifyGet(request) },
  { method: 'POST', path: '/api/v1/dispense', handler: (request) => dispensePost(request) },
  { method: 'GET', path: '/api/health', handler: () => healthGet() },
];

function option(names: string[]): string | undefined {
  const at = process.argv.findIndex((arg) => names.includes(arg));
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const port = Number(option(['-p', '--port']) ?? process.env.PORT ?? 3000);
  const hostname = option(['-H', '--hostname']);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) throw new Error(`The port must be a number from 1 to 65535 (got "${option(['-p', '--port']) ?? process.env.PORT}").`);
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const fastLane = createFastLane(FAST_ROUTES, { headerRules: readStaticHeaderRules(), port });
  const server = http.createServer((req, res) => {
    if (fastLane(req, res)) return;
    void nextHandler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  console.log(`[pharmatrace] ready on http://${hostname ?? 'localhost'}:${port}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
