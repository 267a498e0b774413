/** Money is integer fen (分) everywhere; only the screen shows yuan. */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Yuan as a number (for a numeric input); null stays null. */
export function fenToYuan(fen: Fen): number;
export function fenToYuan(fen: Fen | null | undefined): number | null;
export function fenToYuan(fen: Fen | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/**
 * The fen of an amount typed in yuan (text, or the number a numeric input holds); null when empty
 * or not a number. Exact decimal arithmetic on the digits, never `yuan * 100` in floating point
 * (19.99 * 100 is 1998.9999999999998).
 *
 * Nothing is rounded: a fraction of a fen ("12.345" → 1234.5) or a negative amount is passed on
 * as it is, so the schema rejects it with its message ("金额最小单位为分" / "不能为负数")
 * instead of the screen silently storing a different amount than the one typed.
 */
export function yuanToFen(yuan: string | number | null | undefined): Fen | null {
  if (yuan === null || yuan === undefined) return null;
  const s = String(yuan)
    .trim()
    .replace(/[,，\s]/g, '');
  if (s === '') return null;
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) {
    // Exponent notation (a number input may hold 1e21) and the like: best effort.
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

const currencyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount as people read it in `locale`: ¥1,234.50 in both languages. English's own symbol for
 * CNY is "CN¥", which reads as clutter in a Chinese company's app where every amount is in yuan;
 * where a column could be misread, its header says "(CNY)".
 */
export function formatYuan(fen: Fen, locale: string): string {
  let f = currencyFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'narrowSymbol',
    });
    currencyFormats.set(locale, f);
  }
  return f.format(fen / 100);
}
