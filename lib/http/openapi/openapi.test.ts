import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './document';

/**
 * The OpenAPI document and the route handlers must describe the same API:
 * every exported HTTP method of app/api/v1/**\/route.ts has an operation,
 * and every operation a handler. Adding a route means adding its operation
 * to the domain's lib/<domain>/openapi.ts (and that list to document.ts).
 */
const API_DIR = path.join(process.cwd(), 'app', 'api', 'v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** The HTTP methods a route module exports, read from its source (`export const GET`, `export async function POST`, `export { GET }`). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|let|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(match[1] as string);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (match[1] as string).split(',')) found.add(part.trim().split(/\s+as\s+/).pop()?.trim() ?? '');
  }
  return METHODS.filter((m) => found.has(m));
}

/** /api/v1/batches/[id]/commission -> /api/v1/batches/{id}/commission (catch-alls [...x] -> {x}). */
function openApiPath(file: string): string {
  const folder = path.relative(path.join(process.cwd(), 'app'), path.dirname(file)).split(path.sep).join('/');
  return `/${folder}`.replace(/\[(?:\.\.\.)?(\w+)\]/g, '{$1}');
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument() as { openapi: string; paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };

  it('describes exactly the route handlers under app/api/v1', () => {
    const handlers = routeFiles(API_DIR).flatMap((file) => exportedMethods(readFileSync(file, 'utf8')).map((m) => `${m} ${openApiPath(file)}`));
    const documented = Object.entries(document.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(handlers.filter((h) => !documented.includes(h)).sort(), 'routes missing from the document').toEqual([]);
    expect(documented.filter((d) => !handlers.includes(d)).sort(), 'documented operations without a route').toEqual([]);
  });

  it('is OpenAPI 3.1 with unique operation ids and no dangling schema references', () => {
    expect(document.openapi).toBe('3.1.0');
    const ids = Object.values(document.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((r) => !(r in document.components.schemas))).toEqual([]);
  });

  it('is generated from the schemas that validate requests: a refinement of the scan API shows in it', () => {
    const scans = document.paths['/api/v1/scans']?.post as unknown as { requestBody: { content: { 'application/json': { schema: { $ref: string } } } } };
    expect(scans.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ScanRequest');
    const scanEvent = document.components.schemas.ScanEvent as { properties: Record<string, { enum?: string[] }> };
    expect(scanEvent.properties.kind?.enum).toContain('dispense');
  });

  it('reads exported methods in every form a route module may use', () => {
    expect(exportedMethods('export const GET = withApi(...);\nexport async function POST(r) {}\nexport { handler as DELETE, PATCH };')).toEqual(['GET', 'POST', 'PATCH', 'DELETE']);
  });
});
