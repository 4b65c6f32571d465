export { ed25519KeyFromSeed, type TEd25519Key } from './ed25519-key';
export { ledgerOrigin } from './ledger-origin';
export { KEY_FILE_NAME, loadLedgerSigner, type TLedgerSigner } from './load-ledger-signer';
export { signCheckpoint } from './sign-checkpoint';
export { signNote } from './sign-note';
