'use client';

import type { TCounterOutcome } from './counter-api';
import { outcomeLook, packLine } from './counter-result';

export type TScanRow = {
  id: number;
  at: string;
  code: string;
  mode: 'dispense' | 'verify' | 'undo';
  outcome: TCounterOutcome;
  undoing?: boolean;
  undone?: boolean;
};

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** This session's scans, newest first, with an undo on each dispensing still within its window. */
export function CounterHistory({ rows, onUndo }: { rows: TScanRow[]; onUndo: (row: TScanRow) => void }) {
  if (rows.length === 0) return <p className="text-slate-700">No scans yet in this session.</p>;
  return (
    <section aria-labelledby="session-scans">
      <h2 id="session-scans" className="text-lg font-semibold">
        This session
      </h2>
      <ul className="mt-2 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {rows.map((row) => (
          <Row key={row.id} row={row} onUndo={onUndo} />
        ))}
      </ul>
    </section>
  );
}

function Row({ row, onUndo }: { row: TScanRow; onUndo: (row: TScanRow) => void }) {
  const look = outcomeLook(row.outcome);
  const colour = look.tone === 'good' ? 'text-green-800' : look.tone === 'caution' ? 'text-amber-800' : 'text-red-800';
  const dispensed = row.outcome.kind === 'dispensed' ? row.outcome.answer : null;
  // The server holds the 10-day window (undo_not_allowed past it); a counter session is far shorter.
  const canUndo = dispensed !== null && !row.undone;
  const what = packLine(look.pack) || row.code;
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p>
          <span className="text-sm text-slate-600">#{row.id} · {TIME.format(new Date(row.at))} · </span>
          <span className={`font-bold ${colour}`}>{row.undone ? 'DISPENSED, THEN UNDONE' : look.word}</span>
        </p>
        <p className="break-words text-sm text-slate-800">{what}</p>
      </div>
      {canUndo ? (
        <button type="button" disabled={row.undoing} onClick={() => onUndo(row)} aria-label={`Undo dispensing of ${what}`} className="min-h-11 shrink-0 rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100 disabled:opacity-60">
          {row.undoing ? 'Undoing…' : 'Undo'}
        </button>
      ) : null}
    </li>
  );
}
