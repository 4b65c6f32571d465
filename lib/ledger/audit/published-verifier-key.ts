import { existsSync } from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { KEY_FILE_NAME } from '../checkpoint';
import { getLedgerSigner } from '../ledger-signer';

/**
 * The verifier key this installation publishes (GET /api/v1/ledger/key),
 * from LEDGER_SIGNING_KEY or the key file. Unlike the sealer, the audit
 * never creates a key: with none configured it asks for the published key.
 */
export async function publishedVerifierKey(): Promise<string> {
  const env = getEnv();
  if (!env.LEDGER_SIGNING_KEY && !existsSync(path.resolve(env.DATA_DIR, KEY_FILE_NAME))) {
    throw new AppError(
      'ledger_signing_key_invalid',
      `No ledger signing key here (LEDGER_SIGNING_KEY is unset and ${path.resolve(env.DATA_DIR, KEY_FILE_NAME)} does not exist). Pass the published verifier key with --key.`,
    );
  }
  return (await getLedgerSigner()).verifierKey;
}
