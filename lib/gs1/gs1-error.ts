import { AppError } from '@/lib/errors/app-error';
import type { TErrorCode } from '@/lib/errors/codes';

export type TGs1ErrorCode = Extract<TErrorCode, `gs1_${string}`>;

/**
 * The one way lib/gs1 fails: an AppError with a gs1_* code, a sentence a
 * pharmacist can act on, and structured facts (AI, 0-based position,
 * expected check digit, ...) for programs and for highlighting the input.
 */
export function gs1Error(code: TGs1ErrorCode, detail: string, extra?: Record<string, unknown>): AppError {
  return new AppError(code, detail, extra ? { extra } : undefined);
}

/** Shows a piece of user input in a message: quoted, control characters made visible, long input cut. */
export function quote(text: string, max = 40): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  let visible = '';
  for (const c of cut) visible += visibleChar(c);
  return cut === text ? `"${visible}"` : `"${visible}…"`;
}

/** One character as a person can read it: <GS> for the group separator, <0x..> for other controls. */
export function visibleChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code === 0x1d) return '<GS>';
  if (code < 0x20 || code === 0x7f) return `<0x${code.toString(16).padStart(2, '0')}>`;
  return c;
}
