import { toHex } from '@/lib/verify';
import type { TSealed } from './seal-period';

const count = (n: number | bigint): string => n.toLocaleString('en');

/** One line for a sealed period, for `npm run seal` and the server log. */
export function describeSealed({ anchor, logSize }: TSealed): string {
  return (
    `Sealed period #${anchor.seq}: ${count(anchor.treeSize)} event${anchor.treeSize === 1 ? '' : 's'} ` +
    `(ids ${anchor.firstEventId}-${anchor.lastEventId}, recorded ${anchor.periodStart.toISOString()} to ${anchor.periodEnd.toISOString()}), ` +
    `root ${toHex(anchor.root)}; checkpoint of ${count(logSize)} period${logSize === 1 ? '' : 's'} signed.`
  );
}
