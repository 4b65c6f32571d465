import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TProofBundle } from '@/lib/verify';
import { describeLedgerKey } from '../log/describe-ledger-key';
import { buildProofBundle } from '../proofs/build-proof-bundle';
import { insertTestEvents } from '../testing/insert-test-events';
import { runTsChild } from '../testing/run-child';

/** Runs a CLI script as `npm run <name>` would (tsx, this environment) and gives its exit code and output. */
async function cli(script: string, args: string[] = []): Promise<{ code: number | null; output: string; stderr: string }> {
  const child = runTsChild(script, args);
  const { code, stderr } = await child.exited;
  return { code, output: child.lines.map((line) => (typeof line.text === 'string' ? line.text : JSON.stringify(line))).join('\n'), stderr };
}

let bundleFile: string;
let bundle: TProofBundle;

describe('npm run seal', () => {
  it('seals what waits and says what it sealed; then that nothing waits', async () => {
    await insertTestEvents(3);
    const first = await cli('scripts/seal.ts');
    expect(first.code).toBe(0);
    expect(first.output).toMatch(/^Sealed period #0: 3 events \(ids 1-3, recorded \S+ to \S+\), root [0-9a-f]{64}; checkpoint of 1 period signed\.\n1 period sealed\.$/);
    const second = await cli('scripts/seal.ts');
    expect([second.code, second.output]).toEqual([0, 'Nothing waits to be sealed.']);
    expect((await cli('scripts/seal.ts', ['--now'])).code).toBe(2);
  });
});

describe('npm run verify', () => {
  it('checks a bundle against the key given with --key and exits 0 when every link holds', async () => {
    const [event] = await insertTestEvents(1);
    await cli('scripts/seal.ts');
    const answer = await buildProofBundle(event!.eventId, { epc: event!.epcs[0] });
    if (answer.status !== 'sealed') throw new Error('not sealed');
    bundle = answer.bundle;
    bundleFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'bundle-')), 'bundle.json');
    await writeFile(bundleFile, JSON.stringify(bundle, null, 2));
    const { code, output } = await cli('scripts/verify.ts', [bundleFile, '--key', (await describeLedgerKey()).verifierKey]);
    expect(code).toBe(0);
    expect(output.match(/^ {2}✓ /gm)).toHaveLength(9);
    expect(output).toContain('VERIFIED: every link holds');
    expect(output).not.toContain('WARNING');
  });

  it('without --key, checks against the key in the bundle and warns loudly that this proves only consistency', async () => {
    const { code, output } = await cli('scripts/verify.ts', [bundleFile]);
    expect(code).toBe(0);
    expect(output).toContain('!! WARNING: no trusted key was given');
    expect(output).toContain(`!!   ${bundle.logKey.verifierKey}`);
    expect(output).toContain('CONSISTENT: every link holds, but only against the key inside the bundle');
  });

  it('exits 1 and shows expected and computed values when a link is broken', async () => {
    const tampered = { ...bundle, anchor: { ...bundle.anchor, treeSize: bundle.anchor.treeSize + 1 } };
    const file = `${bundleFile}.tampered.json`;
    await writeFile(file, JSON.stringify(tampered));
    const { code, output } = await cli('scripts/verify.ts', [file, '--key', (await describeLedgerKey()).verifierKey]);
    expect(code).toBe(1);
    expect(output).toMatch(/ {2}✗ .+\n(.+\n)? {6}expected: /);
    expect(output).toContain('NOT VERIFIED');
  });

  it('exits 1 when the bundle is signed by another key than the one trusted', async () => {
    const otherKey = 'pharmatrace.example/ledger+1b6bc60a+ASFS+NGbeR0kRTJC4V8uq2y3z/p7al7TAJeWDgaYgdsS';
    const { code, output } = await cli('scripts/verify.ts', [bundleFile, '--key', otherKey]);
    expect(code).toBe(1);
    expect(output).toMatch(/ {2}✗ /);
  });

  it('exits 2 when the bundle cannot be read or the command is misused', async () => {
    expect((await cli('scripts/verify.ts', [`${bundleFile}.missing`])).code).toBe(2);
    expect((await cli('scripts/verify.ts', [])).code).toBe(2);
    expect((await cli('scripts/verify.ts', [bundleFile, '--key'])).code).toBe(2);
  });
});
