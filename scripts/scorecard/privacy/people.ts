/**
 * The visitors of the privacy check (D8): names, mobiles and resident ID numbers made from an
 * index, unique and valid. Two disjoint pools: the purged visitors' characters appear nowhere
 * else in the database (no org name, user or other visitor shares one), so any trace of one of
 * their names — even a single search-index bigram — is a trace of a purged visitor; the kept
 * visitors (inside the retention period) are the scan's positive control.
 */

const PURGED_SURNAMES = [
  '欧阳',
  '上官',
  '司马',
  '诸葛',
  '慕容',
  '皇甫',
  '尉迟',
  '澹台',
  '夏侯',
  '宗政',
];
const PURGED_GIVEN = [...'翊瑾珩璟祎昱晗钰琰玥湛熠骞翀'];
const KEPT_SURNAMES = ['东方', '令狐', '宇文', '轩辕', '独孤', '南宫', '端木', '百里'];
const KEPT_GIVEN = [...'岚芊瑶柘榆桉楠棠荻苒'];
/** Latin names too: a visitor from abroad (ASCII bytes, JSON-escaped nowhere). */
const PURGED_LATIN = ['Quillon', 'Zephyrine', 'Brannoch', 'Ysolde', 'Thaddeus'];
const KEPT_LATIN = ['Marisol', 'Everett', 'Lucienne'];

export type Pool = 'purged' | 'kept';

export interface Person {
  name: string;
  /** An 11-digit mobile. */
  phone: string;
  /** An 18-character resident ID with a valid check digit, or '' (not every visitor shows one). */
  idNumber: string;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A resident ID number (GB 11643) for the first 17 characters, with its check character. */
export function residentId(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return first17 + ID_CHECK[sum % 11]!;
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

/**
 * The `i`th person of a pool: one in five has a Latin name, two in three show an ID. Names are
 * unique within a pool up to ~1,900 (purged) and ~800 (kept) people.
 */
export function person(pool: Pool, i: number): Person {
  const purged = pool === 'purged';
  const surnames = purged ? PURGED_SURNAMES : KEPT_SURNAMES;
  const given = purged ? PURGED_GIVEN : KEPT_GIVEN;
  let name: string;
  if (i % 5 === 4) {
    const latin = purged ? PURGED_LATIN : KEPT_LATIN;
    const k = Math.floor(i / 5);
    name = `${pick(latin, k)} ${purged ? 'Vorquist' : 'Hallgren'}-${k.toString(36)}`;
  } else {
    const s = pick(surnames, i);
    const k = Math.floor(i / surnames.length);
    name = s + pick(given, k) + pick(given, Math.floor(k / given.length) + 3);
  }
  // 186… for the purged, 135… for the kept: never the same number.
  const phone = `${purged ? '186' : '135'}${String(10_000_000 + i * 7_919).slice(-8)}`;
  const birth = `${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
  const idNumber =
    i % 3 === 2
      ? ''
      : residentId(
          `${purged ? '310104' : '440305'}${birth}${String(100 + (i % 900)).padStart(3, '0')}`,
        );
  return { name, phone, idNumber };
}
