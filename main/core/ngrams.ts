/**
 * Substring search through an FTS5 index, for any script and any character.
 *
 * FTS5's trigram tokenizer cannot match a query of one or two characters, and a Chinese given
 * name is two ("晓明"). So the index holds character bigrams instead: "张晓明" is indexed as
 * 张晓 晓明 明 — each bigram, in order, and the value's last character alone. A query of two or
 * more characters is the phrase of its bigrams (consecutive positions, hence an exact substring);
 * a single character is a prefix query (every character starts a bigram or ends its value).
 *
 * Each gram is written as hex code points (6 digits per character), so punctuation, quotes and
 * backslashes are searchable as typed and the tokenizer (unicode61) never splits or folds a gram.
 * Text is compared after NFKC and lower-casing, with runs of white space as one space: "ＡＢＣ"
 * finds "abc". Values are indexed separately, so no phrase spans two of them.
 */

const hex = (c: string) => (c.codePointAt(0) ?? 0).toString(16).padStart(6, '0');

/** The characters a value is compared by. */
export function searchChars(value: string): string[] {
  return [...value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()];
}

/** Terms of the values, for the FTS5 column: the grams, space-separated. */
export function ngramTerms(values: Iterable<string>): string {
  const out: string[] = [];
  for (const value of values) {
    const chars = searchChars(value);
    for (let i = 0; i + 1 < chars.length; i++) out.push(hex(chars[i]!) + hex(chars[i + 1]!));
    const last = chars[chars.length - 1];
    if (last !== undefined) out.push(hex(last));
  }
  return out.join(' ');
}

/** The FTS5 MATCH expression for a substring, or null when it holds nothing to look for. */
export function ngramMatch(search: string): string | null {
  const chars = searchChars(search);
  if (chars.length === 0) return null;
  if (chars.length === 1) return `"${hex(chars[0]!)}"*`;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(hex(chars[i]!) + hex(chars[i + 1]!));
  return `"${grams.join(' ')}"`;
}

/**
 * The same substring as a LIKE pattern over ' terms ' (PostgreSQL's twin of the FTS5 index: the
 * terms under a trigram index). Grams are hex digits, so nothing in a pattern needs escaping.
 */
export function ngramPattern(search: string): string | null {
  const chars = searchChars(search);
  if (chars.length === 0) return null;
  if (chars.length === 1) return `% ${hex(chars[0]!)}%`;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(hex(chars[i]!) + hex(chars[i + 1]!));
  return `% ${grams.join(' ')} %`;
}
