import { pinyin } from 'pinyin-pro';

/**
 * A name's pinyin keys apart: its initials ("zs" for 张三) and its syllables run together
 * ("zhangsan"), lower case; non-Chinese characters pass through as they are ("anna li" gives "al"
 * and "annali"). The visitor directory indexes each on its own.
 */
export function pinyinKeys(name: string): { initials: string; full: string } {
  const lower = name.trim().toLowerCase();
  if (lower === '') return { initials: '', full: '' };
  const syllables = pinyin(lower, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .flatMap((s) => s.split(/\s+/))
    .filter((s) => s !== '');
  return { initials: syllables.map((s) => s[0] ?? '').join(''), full: syllables.join('') };
}

/**
 * What a name is found by as the clerk types: the name itself, its pinyin initials ("zs" for
 * 张三) and its syllables run together ("zhangsan"), lower case, space separated. Non-Chinese
 * characters pass through as they are, so "Anna Li" gives "anna li" and "al".
 */
export function nameKeys(name: string): string {
  const lower = name.trim().toLowerCase();
  if (lower === '') return '';
  const { initials, full } = pinyinKeys(lower);
  return [...new Set([lower, initials, full])].filter((s) => s !== '').join(' ');
}

/** The words of a search box, lower case ("zs  LS" → ["zs", "ls"]). */
export function queryWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether `keys` (from nameKeys and friends) match any word typed: "zs ls" finds 张三 and 李四,
 * which is how a clerk says who of a group has arrived. No words: everything matches.
 */
export function keysMatch(keys: string, words: readonly string[]): boolean {
  return words.length === 0 || words.some((w) => keys.includes(w));
}
