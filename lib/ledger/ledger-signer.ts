import { loadLedgerSigner, type TLedgerSigner } from './checkpoint';

/**
 * The process's checkpoint signer, loaded once (the key file is read, or
 * created on first start, by loadLedgerSigner). A failed load is not
 * remembered, so fixing the key file does not need a restart.
 */
let signer: Promise<TLedgerSigner> | undefined;

export function getLedgerSigner(): Promise<TLedgerSigner> {
  signer ??= loadLedgerSigner().catch((error: unknown) => {
    signer = undefined;
    throw error;
  });
  return signer;
}

/** Forgets the loaded key (tests that switch DATA_DIR or LEDGER_SIGNING_KEY). */
export function resetLedgerSigner(): void {
  signer = undefined;
}
