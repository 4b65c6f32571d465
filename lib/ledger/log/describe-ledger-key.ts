import { parseVerifierKey, toHex } from '@/lib/verify';
import { getLedgerSigner } from '../ledger-signer';

/** The log's public key, in every form a reader may want to pin. */
export type TLedgerKey = {
  /** Key name, equal to the checkpoint origin. */
  name: string;
  /** C2SP verifier key: `<name>+<key ID>+<base64(0x01 || public key)>`. */
  verifierKey: string;
  /** The 4-byte key ID of signature lines, as 8 hex digits. */
  keyId: string;
  /** The raw 32-byte Ed25519 public key, lowercase hex. */
  publicKey: string;
  algorithm: 'Ed25519';
};

/**
 * The verifier key of the checkpoints this server signs. Readers must
 * obtain it independently of any bundle (this route, the platform's
 * published documents) to make a bundle's signature mean anything.
 */
export async function describeLedgerKey(): Promise<TLedgerKey> {
  const signer = await getLedgerSigner();
  const { keyId } = parseVerifierKey(signer.verifierKey);
  return {
    name: signer.name,
    verifierKey: signer.verifierKey,
    keyId: keyId.toString(16).padStart(8, '0'),
    publicKey: toHex(signer.publicKey),
    algorithm: 'Ed25519',
  };
}
