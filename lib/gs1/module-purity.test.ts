import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The public verify page parses codes in the browser with this very module,
// so its sources may use neither Node-only APIs nor other parts of lib/.
const ALLOWED_EXTERNAL = new Set(['@/lib/errors/app-error', '@/lib/errors/codes']);
const sources = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('lib/gs1 stays runnable in a browser', () => {
  it.each(sources)('%s imports only its own files and the error types', (file) => {
    const text = readFileSync(path.join(__dirname, file), 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
    for (const spec of imports) expect(spec.startsWith('./') || ALLOWED_EXTERNAL.has(spec), `${file}: ${spec}`).toBe(true);
    expect(text).not.toMatch(/\b(Buffer|process\.|require\(|node:)/);
  });
});
