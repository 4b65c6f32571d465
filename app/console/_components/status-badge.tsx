type TTone = 'good' | 'warn' | 'bad' | 'neutral' | 'info';

const TONES: Record<TTone, string> = {
  good: 'border-green-300 bg-green-50 text-green-900',
  warn: 'border-amber-300 bg-amber-50 text-amber-900',
  bad: 'border-red-300 bg-red-50 text-red-900',
  neutral: 'border-slate-300 bg-slate-50 text-slate-800',
  info: 'border-sky-300 bg-sky-50 text-sky-900',
};

/** A status in words with a coloured frame: the word carries the meaning, the colour only helps. */
export function Badge({ tone, children }: { tone: TTone; children: React.ReactNode }) {
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-sm font-medium ${TONES[tone]}`}>{children}</span>;
}

export function packStatusTone(status: string): TTone {
  if (status === 'ACTIVE') return 'good';
  if (status === 'DISPENSED') return 'neutral';
  if (status === 'EXPIRED') return 'warn';
  return 'bad';
}
