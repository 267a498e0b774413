import { pinyin } from 'pinyin-pro';

/**
 * What a name is found by as the clerk types: the name itself, its pinyin initials ("zs" for
 * 张三) and its syllables run together ("zhangsan"), lower case, space separated. Non-Chinese
 * characters pass through as they are, so "Anna Li" gives "anna li" and "al".
 */
export function nameKeys(name: string): string {
  const lower = name.trim().toLowerCase();
  if (lower === '') return '';
  const syllables = pinyin(lower, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .flatMap((s) => s.split(/\s+/))
    .filter((s) => s !== '');
  const initials = syllables.map((s) => s[0] ?? '').join('');
  const full = syllables.join('');
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
