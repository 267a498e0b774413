/**
 * The key that says two typed organisation names are the same organisation (the repeat-visit rule;
 * later the returning-visitor features). Stored in `requests.org_key`: changing what this function
 * does needs a migration that recomputes the stored keys.
 *
 * What does not tell organisations apart:
 * - compatibility forms and case: NFKC (full-width ＡＢＣ, ideographic space), then a full case
 *   fold (upper then lower, so "Straße" = "STRASSE");
 * - spacing, punctuation, symbols and brackets of any form (（）【】[]〔〕「」《》…): all dropped, so
 *   "ABC（中国）" = "ABC(中国)" = "ABC中国". A separator between two Latin letters or digits still
 *   marks a word boundary while the legal form is found ("Acme Co" loses "Co"; "Costco" does not);
 * - the legal form at the end, bracketed or not, repeatedly: 股份有限公司, 有限责任公司, 有限公司,
 *   股份公司, 公司 (so "ABC科技有限公司" = "ABC科技公司" = "ABC科技"), and Co., Ltd., Limited, Inc.,
 *   Incorporated, LLC, Corp., Corporation, Company, PLC — as whole words only.
 *
 * What still does (deliberately kept): 集团 (a group is not its member company: "ABC集团有限公司" =
 * "ABC集团" ≠ "ABC有限公司"), 分公司/总公司/子公司 (a branch is not the head office), region
 * and trade words such as 科技, 北京, Trading, Holdings. A name that is nothing but a legal form
 * keeps it ("有限公司" stays "有限公司"), so it never collapses into the empty key.
 */

/** Separators: spacing, punctuation (brackets included), symbols, control and format characters. */
const SEPARATOR = /[\s\p{Z}\p{P}\p{S}\p{Cc}\p{Cf}]/u;
const SEPARATORS = /[\s\p{Z}\p{P}\p{S}\p{Cc}\p{Cf}]+/gu;
/** The characters a separator between two of marks a word boundary. */
const WORD = /[\p{Script=Latin}\p{Nd}\p{M}]/u;

const CJK_SUFFIX =
  /(?:股份有限公司|有限责任公司|有限責任公司|责任有限公司|有限公司|股份公司|(?<![分总總子])公司)$/u;

const LATIN_SUFFIXES = [
  'incorporated',
  'corporation',
  'company',
  'limited',
  'corp',
  'ltd',
  'inc',
  'llc',
  'plc',
  'co',
];
/** A Latin legal form at the end, as a whole word (a word boundary may fall inside it: "L.L.C."). */
const LATIN_SUFFIX = new RegExp(
  `(?<![\\p{Script=Latin}\\p{Nd}\\p{M}])(?:${LATIN_SUFFIXES.map((w) => w.split('').join(' ?')).join('|')})$`,
  'u',
);

function fold(s: string): string {
  return s.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/**
 * Drops every separator, except that a run of them between two word characters (Latin letters,
 * digits) becomes one space.
 */
function compact(s: string): string {
  const chars = [...s];
  let out = '';
  let pending = false;
  for (const c of chars) {
    if (SEPARATOR.test(c)) {
      pending = true;
      continue;
    }
    const last = out.slice(-1);
    if (pending && last !== '' && WORD.test(last) && WORD.test(c)) out += ' ';
    out += c;
    pending = false;
  }
  return out;
}

function stripLegalForm(s: string): string {
  let name = s;
  for (;;) {
    const next = [CJK_SUFFIX, LATIN_SUFFIX]
      .map((suffix) => name.replace(suffix, '').trimEnd())
      .find((shorter) => shorter !== name && shorter !== '');
    if (next === undefined) return name;
    name = next;
  }
}

/** The organisation key of a typed name ('' for a name with nothing but separators). */
export function orgKey(name: string): string {
  // One pass is not always its own fixed point (found by fast-check): the case fold takes ẞ to ß
  // and only the next pass takes ß to ss, and dropping separators can put combining marks side by
  // side that NFKC reorders. Repeat until it is.
  let key = keyOnce(name);
  for (let i = 0; i < 8; i++) {
    const next = keyOnce(key);
    if (next === key) break;
    key = next;
  }
  return key;
}

function keyOnce(name: string): string {
  return stripLegalForm(compact(fold(name)))
    .replace(SEPARATORS, '')
    .normalize('NFKC');
}
