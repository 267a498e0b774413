/**
 * The masking check of D8: a value is unmasked when it shows a whole mobile number (11 digits,
 * 1[3-9]…, optionally +86, spaces or dashes between digits) or a whole 18-character resident ID,
 * anywhere in a string; the app's masks (138****5678, 110***********1234, the ID's last four)
 * never match. The seeded visitors' own numbers are looked for too (digits only, never inside a
 * longer run of digits), so a number written some other way is still caught.
 */

const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d){8}(?!\d)/;
const RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/;

export interface MaskFinding {
  where: string;
  value: string;
}

export interface ValueRules {
  /** Also the seeded numbers, exactly (off for numbers: a timestamp is a run of digits). */
  exact?: boolean;
  /** Phones too (off where a whole phone is shown on purpose: the form's autofill). */
  phones?: boolean;
}

function containsSeeded(v: string, s: string): boolean {
  const digits = v.replace(/(?<=\d)[\s-]+(?=\d)/g, '');
  for (let at = digits.indexOf(s); at >= 0; at = digits.indexOf(s, at + 1)) {
    const before = digits[at - 1] ?? '';
    const after = digits[at + s.length] ?? '';
    if (!/\d/.test(before) && !/[\dXx]/.test(after)) return true;
  }
  return false;
}

export class MaskCheck {
  values = 0;
  findings: MaskFinding[] = [];
  private readonly phones: string[];
  private readonly ids: string[];

  /** The seeded visitors' phones and ID numbers ('' ignored). */
  constructor(seeded: { phones: readonly string[]; ids: readonly string[] }) {
    this.phones = seeded.phones.filter((s) => s !== '');
    this.ids = seeded.ids.filter((s) => s !== '');
  }

  /** Checks one value (a cell, a string of an answer). */
  value(where: string, v: string, rules: ValueRules = {}): void {
    const exact = rules.exact ?? true;
    const phones = rules.phones ?? true;
    this.values += 1;
    const unmasked =
      RESIDENT_ID.test(v) ||
      (phones && MOBILE.test(v)) ||
      (exact && this.ids.some((s) => containsSeeded(v, s))) ||
      (exact && phones && this.phones.some((s) => containsSeeded(v, s)));
    if (unmasked) this.findings.push({ where, value: v });
  }

  /** Checks every string and number of an answer, recursively. */
  answer(where: string, v: unknown, rules: ValueRules = {}): void {
    if (typeof v === 'string') this.value(where, v, rules);
    else if (typeof v === 'number') this.value(where, String(v), { ...rules, exact: false });
    else if (Array.isArray(v)) v.forEach((x) => this.answer(where, x, rules));
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) this.answer(`${where}.${k}`, x, rules);
    }
  }
}
