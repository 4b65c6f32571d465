/**
 * TEST-ONLY. A real HTTP server process for the fault tests: the very
 * route modules of app/ that Next.js serves (capture, health, verify,
 * proofs), behind node:http instead of Next's router, so that a test can
 * kill it with SIGKILL, restart its database under it, or run two of it on
 * one database, without a production build (the integration tests run
 * before `next build`; e2e/ covers Next itself). Run with tsx; DATABASE_URL
 * and DATA_DIR come from the environment. Prints JSON lines:
 *   {"listening": <port>}        once it accepts requests
 *   {"sealed": "<line>"}         per period its background sealer seals (with --sealer)
 */
import http from 'node:http';
import { GET as healthGet } from '@/app/api/health/route';
import { GET as proofGet } from '@/app/api/v1/proofs/[eventId]/route';
import { GET as verifyGet } from '@/app/api/v1/verify/route';
import { POST as capturePost } from '@/app/epcis/capture/route';
import { startSealer } from '@/lib/ledger';
import { sendWebResponse, webRequestOf } from '@/lib/server/node-bridge';

type THandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const ROUTES: { method: string; pattern: RegExp; handler: THandler }[] = [
  { method: 'POST', pattern: /^\/epcis\/capture$/, handler: capturePost as THandler },
  { method: 'GET', pattern: /^\/api\/health$/, handler: healthGet as THandler },
  { method: 'GET', pattern: /^\/api\/v1\/verify$/, handler: verifyGet as THandler },
  { method: 'GET', pattern: /^\/api\/v1\/proofs\/(?<eventId>[^/]+)$/, handler: proofGet as THandler },
];

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function answer(req: http.IncomingMessage, res: http.ServerResponse, port: number): Promise<void> {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname));
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  const params = Promise.resolve({ ...(url.pathname.match(route.pattern)?.groups ?? {}) });
  // Captures are large; the capture route applies its own limit.
  await sendWebResponse(res, await route.handler(await webRequestOf(req, { port, maxBodyBytes: 256 * 1024 * 1024 }), { params }));
}

function main(): void {
  if (process.argv.includes('--sealer')) startSealer({ log: (line) => print({ sealed: line }) });
  const server = http.createServer((req, res) => {
    answer(req, res, port).catch((error: unknown) => {
      print({ error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  let port = 0;
  server.listen(0, '127.0.0.1', () => {
    port = (server.address() as { port: number }).port;
    print({ listening: port });
  });
}

main();
