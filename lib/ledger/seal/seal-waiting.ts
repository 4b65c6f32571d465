import { getPool } from '@/lib/db';
import { sealPeriod, type TSealed, type TSealOptions } from './seal-period';

export type TSealWaitingOptions = Pick<TSealOptions, 'maxEvents' | 'onStage'> & {
  onSealed?: (sealed: TSealed) => void;
};

/**
 * Seals everything recorded by now, as as many periods as it takes (each at
 * most maxEvents), waiting for any other sealer to finish first. Events
 * recorded while it runs may be included; it stops once it has sealed past
 * the newest event it saw at the start, so a busy ledger cannot keep it
 * running for ever. For `npm run seal` and tests; the server seals on a timer.
 */
export async function sealWaiting(options: TSealWaitingOptions = {}): Promise<TSealed[]> {
  const { rows } = await getPool().query<{ max: string | null }>('SELECT max(id)::text AS max FROM events');
  const target = BigInt(rows[0]?.max ?? '0');
  const sealed: TSealed[] = [];
  for (;;) {
    const result = await sealPeriod({ wait: true, maxEvents: options.maxEvents, onStage: options.onStage });
    if (result.status !== 'sealed') return sealed;
    sealed.push(result);
    options.onSealed?.(result);
    if (result.anchor.lastEventId >= target) return sealed;
  }
}
