import {
  addDays,
  companyDate,
  startOfCompanyDay,
  wallClock,
  weekOf,
} from '../../../../../shared/dates';

/**
 * The calendar's arithmetic, pure: where a booking falls on the company's days (cut at midnight,
 * so a night drive shows on both days), where a block sits on a day's track, which lane it takes
 * beside the blocks it overlaps, and how the shown date moves. Wall-clock minutes of the company
 * time zone, never the machine's.
 */

export const DAY_MINUTES = 24 * 60;
/** The hours the day view shows without scrolling (the rest of the day scrolls). */
export const VISIBLE_FROM_HOUR = 7;
export const VISIBLE_TO_HOUR = 22;

export type CalendarMode = 'day' | 'week';

/** The part of a stretch of time that falls on one company day, in wall-clock minutes. */
export interface DaySegment {
  date: string;
  /** 0–1440: minutes after the day's midnight. */
  startMin: number;
  endMin: number;
  /** The stretch began on an earlier day / goes on into the next one. */
  fromBefore: boolean;
  intoNext: boolean;
}

/** Minutes after midnight on the company's wall clock at instant `ms`. */
export function wallMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return w.hour * 60 + w.minute;
}

/**
 * The pieces of `[startMs, endMs)` on each of `days` (company calendar days): a booking from
 * 22:00 to 01:00 is 22:00–24:00 on its first day and 00:00–01:00 on the next. Days it does not
 * touch get nothing (an end at midnight does not reach into the next day).
 */
export function daySegments(
  span: { startMs: number; endMs: number },
  days: readonly string[],
  timeZone: string,
): DaySegment[] {
  const out: DaySegment[] = [];
  for (const date of days) {
    const dayStart = startOfCompanyDay(date, timeZone);
    const dayEnd = startOfCompanyDay(addDays(date, 1), timeZone);
    if (!(span.startMs < dayEnd && span.endMs > dayStart)) continue;
    const fromBefore = span.startMs < dayStart;
    const intoNext = span.endMs > dayEnd;
    const startMin = fromBefore ? 0 : wallMinutes(span.startMs, timeZone);
    const endMin = span.endMs >= dayEnd ? DAY_MINUTES : wallMinutes(span.endMs, timeZone);
    out.push({ date, startMin, endMin: Math.max(endMin, startMin), fromBefore, intoNext });
  }
  return out;
}

/** Where a block sits on a day's track, as percentages of its width. */
export function position(segment: { startMin: number; endMin: number }): {
  left: number;
  width: number;
} {
  const clamp = (m: number) => Math.min(DAY_MINUTES, Math.max(0, m));
  const start = clamp(segment.startMin);
  const end = clamp(segment.endMin);
  return {
    left: (start / DAY_MINUTES) * 100,
    width: (Math.max(0, end - start) / DAY_MINUTES) * 100,
  };
}

/**
 * Lanes for blocks of one row: each block takes the first lane whose last block ended by its
 * start (touching blocks share a lane), so overlapping ones (a tentative booking beside a
 * confirmed one) stand one above the other. Returns each item's lane, in the items' order, and
 * how many lanes the row needs (at least one).
 */
export function assignLanes(items: readonly { startMin: number; endMin: number }[]): {
  lanes: number[];
  count: number;
} {
  const order = items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) => a.item.startMin - b.item.startMin || a.item.endMin - b.item.endMin || a.i - b.i,
    );
  const laneEnds: number[] = [];
  const lanes = new Array<number>(items.length).fill(0);
  for (const { item, i } of order) {
    let lane = laneEnds.findIndex((end) => end <= item.startMin);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.endMin);
    } else laneEnds[lane] = item.endMin;
    lanes[i] = lane;
  }
  return { lanes, count: Math.max(1, laneEnds.length) };
}

/** The days a view shows: the day itself, or Monday to Sunday of its week. */
export function shownDays(date: string, mode: CalendarMode): string[] {
  if (mode === 'day') return [date];
  const { from } = weekOf(date);
  return Array.from({ length: 7 }, (_, i) => addDays(from, i));
}

/** The date one step back (-1) or on (+1): a day in the day view, a week in the week view. */
export function step(date: string, mode: CalendarMode, direction: -1 | 1): string {
  return addDays(date, direction * (mode === 'week' ? 7 : 1));
}

/** The company's today. */
export function companyToday(nowMs: number, timeZone: string): string {
  return companyDate(nowMs, timeZone);
}

/** Where the "now" line stands on `date` (minutes), or null when now is another day. */
export function nowLine(nowMs: number, date: string, timeZone: string): number | null {
  return companyDate(nowMs, timeZone) === date ? wallMinutes(nowMs, timeZone) : null;
}

/** `HH:mm` of minutes after midnight; 1440 reads 24:00 (a block cut at the day's end). */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
