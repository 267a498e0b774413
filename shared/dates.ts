/**
 * Calendar maths in the company's time zone (DESIGN.md §4), never the machine's. Uses Intl only,
 * so it runs in main, renderer and tests alike.
 */
export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at instant `ms`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of instant `ms` in the company time zone. */
export function companyDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant at which the wall clock in `timeZone` reads the given time (first one, on DST gaps). */
export function instantOf(w: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Two rounds of offset correction settle every real-world zone, DST included.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(guess, timeZone);
    const seenUtc = Date.UTC(
      seen.year,
      seen.month - 1,
      seen.day,
      seen.hour,
      seen.minute,
      seen.second,
    );
    guess += asUtc - seenUtc;
  }
  return guess;
}

/** Start of a company calendar day (`YYYY-MM-DD`) as epoch ms. */
export function startOfCompanyDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return instantOf(
    { year: y ?? 1970, month: m ?? 1, day: d ?? 1, hour: 0, minute: 0, second: 0 },
    timeZone,
  );
}

/** A real `YYYY-MM-DD` day: Date.parse rolls 2026-02-30 over to 2 March, so it must read back as itself. */
export function isCalendarDate(s: string): boolean {
  const ms = Date.parse(s + 'T00:00:00Z');
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
}

// --- Calendar days (`YYYY-MM-DD`): pure day arithmetic, no time zone involved. -----------------

const DAY_MS = 86_400_000;
/** Midnight UTC of a calendar day: a fixed point to count whole days from (NaN if malformed). */
const dayMs = (date: string) => Date.parse(date + 'T00:00:00Z');
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayMs(to) - dayMs(from)) / DAY_MS);
}

/** The calendar day `n` days after `date` (before it for negative `n`). */
export function addDays(date: string, n: number): string {
  return dayOf(dayMs(date) + n * DAY_MS);
}

/** The Monday and Sunday of the week `date` falls in (Chinese offices start the week on Monday). */
export function weekOf(date: string): { from: string; to: string } {
  // 1970-01-05 was a Monday.
  const sinceMonday = ((daysBetween('1970-01-05', date) % 7) + 7) % 7;
  const from = addDays(date, -sinceMonday);
  return { from, to: addDays(from, 6) };
}

/** Every calendar day from `from` to `to`, both included, at most `max`; none if either is invalid. */
export function calendarDays(from: string, to: string, max: number): string[] {
  const start = dayMs(from);
  const end = dayMs(to);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return [];
  const out: string[] = [];
  for (let ms = start; ms <= end && out.length < max; ms += DAY_MS) out.push(dayOf(ms));
  return out;
}
