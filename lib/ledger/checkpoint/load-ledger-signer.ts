import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { formatVerifierKey, fromBase64, toBase64 } from '@/lib/verify';
import { ed25519KeyFromSeed } from './ed25519-key';
import { ledgerOrigin } from './ledger-origin';

export type TLedgerSigner = {
  /** Key name; equal to `origin`. */
  name: string;
  /** Checkpoint origin line. */
  origin: string;
  /** 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  /** C2SP verifier key text, `<name>+<key id>+<base64(0x01 || key)>`, to publish and pin. */
  verifierKey: string;
  sign(message: Uint8Array): Uint8Array;
};

export const KEY_FILE_NAME = 'ledger-signing-key';

function invalidKey(detail: string): AppError {
  return new AppError('ledger_signing_key_invalid', detail);
}

/** The 32-byte seed in `text` (standard base64, surrounding whitespace ignored). */
function decodeSeed(text: string, source: string): Uint8Array {
  const seed = fromBase64(text.trim());
  if (!seed || seed.length !== 32) throw invalidKey(`${source} must be the standard base64 of a 32-byte Ed25519 private key (seed).`);
  return seed;
}

/**
 * Creates the key file exclusively: written under a temporary name, then
 * hard-linked into place, which fails if another process got there first.
 * Two app instances starting together thus end up with the same key, and no
 * reader ever sees a half-written file.
 */
async function createKeyFile(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const content = `${toBase64(randomBytes(32))}\n`;
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // File systems without hard links: an exclusive create still picks one winner.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') await writeFile(file, content, { mode: 0o600, flag: 'wx' }).catch(ignoreExisting);
    else ignoreExisting(error);
  } finally {
    await unlink(temporary);
  }
}

function ignoreExisting(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
}

async function readKeyFile(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) {
    await createKeyFile(file);
    return readKeyFile(file);
  }
  // Like ssh with its private keys: a signing key others can read is refused.
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw invalidKey(`${file} is readable by other users; run \`chmod 600 ${file}\`.`);
  }
  return decodeSeed(await readFile(file, 'utf8'), file);
}

/**
 * The ledger's checkpoint signer. The key comes from LEDGER_SIGNING_KEY, or
 * else from <DATA_DIR>/ledger-signing-key, created with a fresh random key
 * (mode 0600) on first start. DATA_DIR is git-ignored: the key is never
 * committed (docs/decisions/032).
 */
export async function loadLedgerSigner(): Promise<TLedgerSigner> {
  const env = getEnv();
  const origin = ledgerOrigin();
  const seed = env.LEDGER_SIGNING_KEY
    ? decodeSeed(env.LEDGER_SIGNING_KEY, 'LEDGER_SIGNING_KEY')
    : await readKeyFile(path.resolve(env.DATA_DIR, KEY_FILE_NAME));
  const key = ed25519KeyFromSeed(seed);
  seed.fill(0);
  return { name: origin, origin, publicKey: key.publicKey, verifierKey: formatVerifierKey(origin, key.publicKey), sign: key.sign };
}
