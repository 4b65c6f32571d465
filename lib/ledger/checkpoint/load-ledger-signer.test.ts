import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { openCheckpoint, parseVerifierKey, toBase64, toHex } from '@/lib/verify';
import { KEY_FILE_NAME, loadLedgerSigner } from './load-ledger-signer';
import { signCheckpoint } from './sign-checkpoint';

const SAVED = { ...process.env };
let dataDir: string;

function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
}

async function errorCode(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ledger-key-'));
  setEnv({ DATA_DIR: dataDir, LEDGER_SIGNING_KEY: undefined, LEDGER_ORIGIN: undefined, PUBLIC_URL: 'https://trace.example.org/eu/' });
});

afterEach(async () => {
  process.env = { ...SAVED };
  resetEnvCache();
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadLedgerSigner', () => {
  it('creates a private key file on first start and reuses it afterwards', async () => {
    const first = await loadLedgerSigner();
    const file = path.join(dataDir, KEY_FILE_NAME);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const second = await loadLedgerSigner();
    expect(toHex(second.publicKey)).toBe(toHex(first.publicKey));
    expect(second.verifierKey).toBe(first.verifierKey);
  });

  it('gives every instance starting at once the same key, leaving no temporary files', async () => {
    const signers = await Promise.all(Array.from({ length: 6 }, () => loadLedgerSigner()));
    expect(new Set(signers.map((s) => s.verifierKey)).size).toBe(1);
    expect(await readdir(dataDir)).toEqual([KEY_FILE_NAME]);
  });

  it('names the log after the host and path of PUBLIC_URL, or LEDGER_ORIGIN', async () => {
    expect((await loadLedgerSigner()).origin).toBe('trace.example.org/eu');
    setEnv({ LEDGER_ORIGIN: 'ledger.example.org/pharma' });
    const signer = await loadLedgerSigner();
    expect([signer.name, signer.origin]).toEqual(['ledger.example.org/pharma', 'ledger.example.org/pharma']);
    expect(parseVerifierKey(signer.verifierKey).name).toBe('ledger.example.org/pharma');
  });

  it('refuses an origin that cannot be a key name', async () => {
    setEnv({ LEDGER_ORIGIN: 'my ledger' });
    expect(await errorCode(() => loadLedgerSigner())).toBe('ledger_origin_invalid');
    setEnv({ LEDGER_ORIGIN: 'a+b' });
    expect(await errorCode(() => loadLedgerSigner())).toBe('ledger_origin_invalid');
  });

  it('uses LEDGER_SIGNING_KEY when set and writes no file', async () => {
    const seed = new Uint8Array(32).fill(1);
    setEnv({ LEDGER_SIGNING_KEY: toBase64(seed) });
    const fromEnv = await loadLedgerSigner();
    expect(existsSync(path.join(dataDir, KEY_FILE_NAME))).toBe(false);
    await writeFile(path.join(dataDir, KEY_FILE_NAME), `${toBase64(seed)}\n`, { mode: 0o600 });
    setEnv({ LEDGER_SIGNING_KEY: undefined });
    expect((await loadLedgerSigner()).verifierKey).toBe(fromEnv.verifierKey);
  });

  it.each([
    ['not base64', 'not a key!'],
    ['too short', toBase64(new Uint8Array(31))],
    ['too long', toBase64(new Uint8Array(33))],
  ])('refuses a LEDGER_SIGNING_KEY that is %s', async (_, value) => {
    setEnv({ LEDGER_SIGNING_KEY: value });
    expect(await errorCode(() => loadLedgerSigner())).toBe('ledger_signing_key_invalid');
  });

  it('refuses a key file that other users can read, or that is damaged', async () => {
    await loadLedgerSigner();
    const file = path.join(dataDir, KEY_FILE_NAME);
    await chmod(file, 0o644);
    expect(await errorCode(() => loadLedgerSigner())).toBe('ledger_signing_key_invalid');
    await writeFile(file, 'damaged\n', { mode: 0o600 });
    await chmod(file, 0o600);
    expect(await errorCode(() => loadLedgerSigner())).toBe('ledger_signing_key_invalid');
  });
});

describe('signCheckpoint', () => {
  it('signs a checkpoint that the public verifier opens with the published verifier key', async () => {
    const signer = await loadLedgerSigner();
    const rootHash = new Uint8Array(32).fill(0xab);
    const note = signCheckpoint(signer, { origin: signer.origin, treeSize: 42, rootHash });
    expect(note.startsWith(`trace.example.org/eu\n42\n${toBase64(rootHash)}\n\n— trace.example.org/eu `)).toBe(true);
    const checkpoint = openCheckpoint(note, signer.verifierKey);
    expect([checkpoint.treeSize, toHex(checkpoint.rootHash)]).toEqual([42, toHex(rootHash)]);
  });

  it('refuses to sign under another origin', async () => {
    const signer = await loadLedgerSigner();
    expect(() => signCheckpoint(signer, { origin: 'other.example', treeSize: 1, rootHash: new Uint8Array(32) })).toThrow(RangeError);
  });
});
