import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { percentile } from './sealing';

/**
 * lib/verify's verifyBundle timed inside a real headless Chromium: the
 * verifier is bundled from source for the browser (esbuild, as any bundler
 * would; no Node API is involved), loaded into a blank page, and run on
 * the bundle text the server served, with the key the server publishes,
 * `runs` times after a warm-up. The public page runs this same function
 * (docs/decisions/064).
 */
export type TBrowserFigure = { runs: number; p50Ms: number; p95Ms: number; maxMs: number; ok: boolean; browser: string };

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

async function verifierScript(): Promise<string> {
  const result = await build({
    stdin: { contents: `import { verifyBundle } from './lib/verify'; globalThis.benchVerifyBundle = verifyBundle;`, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export async function timeVerifyInChromium(bundleText: string, verifierKey: string, runs: number): Promise<TBrowserFigure> {
  const script = await verifierScript();
  const browser = await chromium.launch({
    headless: true,
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] } : {}),
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>verifyBundle timing</title>');
    await page.addScriptTag({ content: script });
    const result = await page.evaluate(
      ({ text, key, n }) => {
        const verify = (globalThis as unknown as { benchVerifyBundle: (input: unknown, options: { trustedVerifierKey: string }) => { ok: boolean } }).benchVerifyBundle;
        let ok = true;
        for (let i = 0; i < 10; i++) ok = verify(text, { trustedVerifierKey: key }).ok && ok;
        const times: number[] = [];
        for (let i = 0; i < n; i++) {
          const start = performance.now();
          ok = verify(text, { trustedVerifierKey: key }).ok && ok;
          times.push(performance.now() - start);
        }
        return { times, ok };
      },
      { text: bundleText, key: verifierKey, n: runs },
    );
    const sorted = [...result.times].sort((a, b) => a - b);
    return { runs, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), maxMs: percentile(sorted, 100), ok: result.ok, browser: browser.version() };
  } finally {
    await browser.close();
  }
}
