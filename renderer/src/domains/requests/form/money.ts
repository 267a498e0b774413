import type { Fen } from '../../../../../shared/money';

/**
 * The screen shows yuan, the body holds integer fen. Conversion is exact string arithmetic for up
 * to two decimals; anything finer (or negative) is passed on as it is so that the schema reports
 * it ("金额最小单位为分" / "不能为负数") instead of the screen silently rounding it away.
 */
export function yuanTextToFen(text: string | number | null | undefined): Fen | null {
  if (text === null || text === undefined) return null;
  const s = String(text)
    .trim()
    .replace(/[,，\s]/g, '');
  if (s === '') return null;
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    const n = Number(s);
    return Number.isFinite(n) ? n * 100 : null;
  }
  const sign = m[1] ? -1 : 1;
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const decimals = m[3] ?? '';
  if (decimals.length <= 2) {
    return sign * (whole * 100 + Number(decimals.padEnd(2, '0')));
  }
  // More than two decimals: not a whole number of fen; keep the fraction for the schema to flag.
  return sign * (whole * 100 + Number(`${decimals.slice(0, 2)}.${decimals.slice(2)}`));
}

/** The yuan text an input shows for an amount in fen (two decimals for whole fen). */
export function fenToYuanText(fen: Fen | null | undefined): string | null {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return null;
  if (Number.isInteger(fen)) {
    const sign = fen < 0 ? '-' : '';
    const abs = Math.abs(fen);
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  }
  return String(fen / 100);
}
