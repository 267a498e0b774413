import type { Fen } from '../../../../../shared/money';

/** What an amount input shows for a stored amount: 元, or empty for none. */
export function fenToYuanInput(fen: Fen | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** The integer fen for what was typed in 元 (rounded to the fen); null when the box is empty. */
export function yuanInputToFen(yuan: number | string | null | undefined): Fen | null {
  if (yuan === null || yuan === undefined || yuan === '') return null;
  const n = typeof yuan === 'number' ? yuan : Number(yuan);
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}
