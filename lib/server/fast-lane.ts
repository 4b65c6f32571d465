import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAppError } from '@/lib/errors';
import { problemResponse } from '@/lib/http/problem-response';
import { sendWebResponse, webRequestOf } from './node-bridge';
import { staticHeadersFor, type readStaticHeaderRules, type THeaderList } from './static-headers';

/**
 * The fast lane (docs/decisions/093): a few hot API routes answered by
 * their own route handlers (the very exports of app/.../route.ts that Next
 * would call) straight from node:http, before Next's router, which costs
 * about a millisecond of CPU per request on its own. Everything else, and
 * any method or path not listed exactly, goes to Next.
 *
 * What Next adds around a route handler is added here too: the static
 * security headers of next.config.js (from the build's manifest) and the
 * X-Forwarded-* request headers (node-bridge.ts). Authentication,
 * validation, rate limits and error answers are the handler's own (withApi).
 */
export type TFastRoute = { method: 'GET' | 'POST'; path: `/${string}`; handler: (request: Request) => Promise<Response> };

type TEntry = TFastRoute & { headers: THeaderList };

export function createFastLane(routes: readonly TFastRoute[], options: { headerRules: ReturnType<typeof readStaticHeaderRules>; port?: number }): (req: IncomingMessage, res: ServerResponse) => boolean {
  const table = new Map<string, TEntry>();
  for (const route of routes) table.set(`${route.method} ${route.path}`, { ...route, headers: staticHeadersFor(options.headerRules, route.path) });
  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const entry = table.get(`${req.method} ${query < 0 ? url : url.slice(0, query)}`);
    if (!entry) return false;
    void answer(entry, req, res, options.port);
    return true;
  };
}

async function answer(entry: TEntry, req: IncomingMessage, res: ServerResponse, port: number | undefined): Promise<void> {
  let response: Response;
  let unreadBody = false;
  try {
    response = await entry.handler(await webRequestOf(req, { port }));
  } catch (error) {
    // The bridge (a Host that makes no URL, an oversized body), or a handler that failed to answer its own error.
    unreadBody = isAppError(error) && error.code === 'payload_too_large';
    response = problemResponse(error);
  }
  try {
    if (unreadBody) res.setHeader('connection', 'close');
    await sendWebResponse(res, response, entry.headers);
    if (unreadBody) res.once('finish', () => req.destroy());
  } catch (error) {
    console.error(`[fast-lane] ${req.method} ${entry.path}: could not write the answer:`, error);
    res.destroy();
  }
}
