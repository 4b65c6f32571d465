import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { webhookSettings } from './webhook-settings';

/**
 * Webhook signing secrets must be usable to sign, so they cannot be hashed
 * like API keys; they are encrypted at rest with AES-256-GCM under a server
 * key that never enters the database (a stolen backup alone yields no
 * secret). The webhook's id is the associated data, so a ciphertext copied
 * onto another webhook's row does not decrypt. Box layout:
 * 0x01 (version) || 12-byte IV || 16-byte tag || ciphertext.
 */
export const KEY_FILE_NAME = 'webhook-secret-key';
const VERSION = 1;

const keys = new Map<string, Promise<Buffer>>();

function invalidKey(detail: string): AppError {
  return new AppError('webhook_key_invalid', detail);
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== text.trim()) throw invalidKey(`${source} must be the standard base64 of 32 random bytes.`);
  return key;
}

/** Creates the key file exclusively (temporary file hard-linked into place), so instances starting together share one key. */
async function createKeyFile(file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

async function readKeyFile(file: string): Promise<Buffer> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) {
    await createKeyFile(file);
    return readKeyFile(file);
  }
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) throw invalidKey(`${file} is readable by other users; run \`chmod 600 ${file}\`.`);
  return decodeKey(await readFile(file, 'utf8'), file);
}

/** The data key: WEBHOOK_SECRET_KEY, or <DATA_DIR>/webhook-secret-key (created on first use). */
export function webhookDataKey(): Promise<Buffer> {
  const configured = webhookSettings().secretKey;
  const source = configured ? `env:${configured}` : `file:${path.resolve(getEnv().DATA_DIR, KEY_FILE_NAME)}`;
  let key = keys.get(source);
  if (!key) {
    key = configured ? Promise.resolve().then(() => decodeKey(configured, 'WEBHOOK_SECRET_KEY')) : readKeyFile(source.slice(5));
    keys.set(source, key);
    key.catch(() => keys.delete(source));
  }
  return key;
}

export async function sealSecret(secret: Buffer, webhookId: string): Promise<Buffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await webhookDataKey(), iv);
  cipher.setAAD(Buffer.from(webhookId, 'utf8'));
  const body = Buffer.concat([cipher.update(secret), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

/** Throws webhook_key_invalid when the box was sealed under another key or for another webhook (or was altered). */
export async function openSecret(box: Buffer, webhookId: string): Promise<Buffer> {
  if (box.length < 29 || box[0] !== VERSION) throw invalidKey('A stored webhook secret has an unknown format.');
  const decipher = createDecipheriv('aes-256-gcm', await webhookDataKey(), box.subarray(1, 13));
  decipher.setAAD(Buffer.from(webhookId, 'utf8'));
  decipher.setAuthTag(box.subarray(13, 29));
  try {
    return Buffer.concat([decipher.update(box.subarray(29)), decipher.final()]);
  } catch {
    throw invalidKey('A stored webhook secret does not decrypt under the configured key: was WEBHOOK_SECRET_KEY or the key file changed?');
  }
}
