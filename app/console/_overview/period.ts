/** The overview periods people pick: the last 7, 30 or 90 days (UTC), today included. */
export const PERIODS = [7, 30, 90] as const;
export type TPeriod = (typeof PERIODS)[number];

export function periodOf(value: unknown): TPeriod {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return (PERIODS as readonly number[]).includes(n) ? (n as TPeriod) : 30;
}

export function periodRange(days: TPeriod, today = new Date()): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
