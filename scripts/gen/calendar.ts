/**
 * Company time: instants (ms since 1970) against company days (days since 1970-01-01 in
 * Asia/Shanghai), working days and office hours, and the `YYYY-MM-DD` / `HH:MM` strings the
 * request bodies hold. Asia/Shanghai has had no daylight saving since 1991, so this is plain UTC+8
 * arithmetic; every module that places something in time goes through these helpers so that all
 * of them agree on when a day starts and when people are at work.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Asia/Shanghai: UTC+8 all year (no daylight saving since 1991). */
const TZ_OFFSET = 8 * HOUR;
/** Office hours, from the start of a company day. */
export const WORK_START = 8 * HOUR + 30 * MINUTE;
export const WORK_END = 18 * HOUR;
export const WORK_MINUTES_PER_DAY = (WORK_END - WORK_START) / MINUTE;
/** The generated history ends at "now" and starts this many years before. */
export const YEARS = 10;

/** The company day (days since 1970-01-01 in UTC+8) of an instant. */
export const dayOf = (ms: number) => Math.floor((ms + TZ_OFFSET) / DAY);
/** The instant a company day starts. */
export const dayStart = (day: number) => day * DAY - TZ_OFFSET;
/** 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
const weekday = (day: number) => (((day + 4) % 7) + 7) % 7;
export const isWorkday = (day: number) => {
  const w = weekday(day);
  return w !== 0 && w !== 6;
};

const dateCache = new Map<number, string>();
/** `YYYY-MM-DD` of a company day. */
export function dateOf(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
}

/** The first working moment of the first working day from `day` on. */
function workStart(day: number): number {
  let d = day;
  while (!isWorkday(d)) d++;
  return dayStart(d) + WORK_START;
}

/**
 * `minutes` of working time after `t` (Monday to Friday, 08:30–18:00): people decide and file in
 * office hours, and a request sent on Friday evening waits for Monday.
 */
export function addWorkMinutes(t: number, minutes: number): number {
  let cur = t;
  let left = Math.max(1, minutes) * MINUTE;
  for (;;) {
    const d = dayOf(cur);
    const end = dayStart(d) + WORK_END;
    if (!isWorkday(d) || cur >= end) {
      cur = workStart(d + 1);
      continue;
    }
    if (cur < dayStart(d) + WORK_START) cur = dayStart(d) + WORK_START;
    if (cur + left <= end) return Math.round(cur + left);
    left -= end - cur;
    cur = workStart(d + 1);
  }
}

/** `HH:MM` of minutes after midnight. */
export const HHMM = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
