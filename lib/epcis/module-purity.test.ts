import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The core of lib/epcis (validation, the event model, the hash ID, query
 * documents, the query language) is pure: no database, no Node API, no
 * server module, so it runs anywhere and its tests need nothing. The HTTP
 * binding and its services live in capture/, store/ and http/ (and
 * server.ts); test helpers in testing/.
 */
const SERVER_PARTS = new Set(['capture', 'store', 'http', 'testing', 'server.ts']);
const ALLOWED_EXTERNAL = /^(zod$|@noble\/hashes\/|@\/lib\/errors\/(app-error|codes)$|@\/lib\/gs1$)/;

function sources(dir: string, relative = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = path.join(relative, name);
    if (relative === '' && SERVER_PARTS.has(name)) return [];
    if (statSync(full).isDirectory()) return sources(full, rel);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [rel] : [];
  });
}

describe('the core of lib/epcis stays pure', () => {
  it.each(sources(__dirname))('%s imports only the core, zod, @noble/hashes, lib/gs1 and the error types', (file) => {
    const text = readFileSync(path.join(__dirname, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
    for (const spec of imports) {
      if (spec.startsWith('.')) {
        const target = path.normalize(path.join(path.dirname(file), spec)).split(path.sep)[0] as string;
        expect(SERVER_PARTS.has(target) || SERVER_PARTS.has(`${target}.ts`), `${file}: ${spec}`).toBe(false);
      } else {
        expect(ALLOWED_EXTERNAL.test(spec), `${file}: ${spec}`).toBe(true);
      }
    }
    expect(text).not.toMatch(/\b(Buffer|process\.|require\(|node:)/);
  });
});
