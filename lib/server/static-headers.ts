import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The static response headers of next.config.js (the security headers,
 * docs/decisions/013) as the production build compiled them into
 * .next/routes-manifest.json: the fast lane adds exactly what Next would,
 * from the same file, so the two cannot drift apart.
 */
type TManifestRule = { source: string; regex: string; headers: { key: string; value: string }[]; has?: unknown; missing?: unknown };

export type THeaderList = readonly (readonly [string, string])[];

export function readStaticHeaderRules(distDir = path.join(process.cwd(), '.next')): { source: string; pattern: RegExp; headers: THeaderList }[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'routes-manifest.json'), 'utf8')) as { headers?: TManifestRule[] };
  return (manifest.headers ?? []).map((rule) => {
    // A condition on the request would make the answer depend on more than the path.
    if (rule.has !== undefined || rule.missing !== undefined) {
      throw new Error(`next.config.js headers: the rule for "${rule.source}" has has/missing conditions, which the fast lane (lib/server/fast-lane.ts) does not apply; serve its routes through Next or teach the fast lane the condition.`);
    }
    return { source: rule.source, pattern: new RegExp(rule.regex), headers: rule.headers.map((h) => [h.key.toLowerCase(), h.value] as const) };
  });
}

/** The headers for `pathname`: every matching rule in order, a later rule's value winning for the same name (as in Next). */
export function staticHeadersFor(rules: ReturnType<typeof readStaticHeaderRules>, pathname: string): THeaderList {
  const merged = new Map<string, string>();
  for (const rule of rules) if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) merged.set(name, value);
  return [...merged.entries()];
}
