import { json, withApi } from '@/lib/http';
import { describeLedgerKey } from '@/lib/ledger/log/describe-ledger-key';

export const dynamic = 'force-dynamic';

/** The public key that signs checkpoints: C2SP verifier key, key ID and raw hex. */
export const GET = withApi({ auth: 'public' }, async () => json(await describeLedgerKey()));
