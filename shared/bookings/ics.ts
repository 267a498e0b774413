/**
 * iCalendar (RFC 5545) export of bookings and itineraries. Pure and dependency-free: it runs in
 * the renderer and in main alike (no Node, no DOM).
 *
 * - All times are written in UTC (`YYYYMMDDTHHMMSSZ`), never in a time zone: a calendar app shows
 *   them in its own zone, and no VTIMEZONE is needed.
 * - UIDs are stable (`<uid>@<domain>`), so importing a re-export updates the events instead of
 *   duplicating them; SEQUENCE (the booking's version) tells the app which copy is newer.
 * - TEXT values are escaped per §3.3.11, lines end in CRLF and are folded at 75 octets (UTF-8
 *   bytes) per §3.1 without splitting a character (Chinese is 3 bytes, emoji 4).
 *
 * Bad input throws a plain Error: callers validate before exporting.
 */

export interface IcsEvent {
  /** Stable across exports: e.g. `booking-42` or `request-7-itinerary-3`; the writer appends `@<domain>`. */
  uid: string;
  startMs: number;
  endMs: number;
  summary: string;
  description?: string;
  location?: string;
  /** Bumped whenever the event changes (the booking's version), so calendar apps take the update. */
  sequence?: number;
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  /** Minutes before start for a display alarm (VALARM), e.g. 15 for the driver's call time. */
  alarmMinutesBefore?: number;
}

export interface IcsOptions {
  /** DTSTAMP of every event: when the file was written. */
  nowMs: number;
  /** X-WR-CALNAME: the name a calendar app gives the imported calendar. */
  calendarName: string;
  /** Appended to every UID after `@`; defaults to {@link DEFAULT_UID_DOMAIN}. */
  uidDomain?: string;
}

export const DEFAULT_UID_DOMAIN = 'reception-manager.local';
export const ICS_PRODID = '-//Reception Manager//Bookings//ZH-CN';
/** Octets per physical line, CRLF excluded (RFC 5545 §3.1). */
export const ICS_FOLD_OCTETS = 75;

/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the instants a 4-digit year can write. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_799_999;
const STATUSES: ReadonlySet<string> = new Set(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
const CRLF = '\r\n';

/** Writes one VCALENDAR holding `events`, in the given order. */
export function toIcs(events: readonly IcsEvent[], options: IcsOptions): string {
  const domain = options.uidDomain ?? DEFAULT_UID_DOMAIN;
  if (!isPrintableId(domain)) throw new Error(`ics: bad uidDomain ${JSON.stringify(domain)}`);
  const stamp = utcDateTime(options.nowMs, 'nowMs');
  // RFC 5545 §3.4: a calendar holds at least one component.
  if (events.length === 0) throw new Error('ics: nothing to export');

  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  const seen = new Set<string>();
  for (const event of events) {
    const uid = `${event.uid}@${domain}`;
    if (!isPrintableId(event.uid)) throw new Error(`ics: bad uid ${JSON.stringify(event.uid)}`);
    if (seen.has(uid)) throw new Error(`ics: uid ${uid} appears twice`);
    seen.add(uid);
    lines.push(...eventLines(event, uid, stamp));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(event: IcsEvent, uid: string, stamp: string): string[] {
  const start = utcDateTime(event.startMs, 'startMs');
  const end = utcDateTime(event.endMs, 'endMs');
  if (event.endMs < event.startMs) throw new Error(`ics: ${uid} ends before it starts`);
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${start}`];
  // §3.8.2.2: DTEND must be later than DTSTART; an event without one ends when it starts (§3.6.1).
  if (end !== start) lines.push(`DTEND:${end}`);
  if (event.sequence !== undefined) {
    if (!Number.isSafeInteger(event.sequence) || event.sequence < 0 || event.sequence > 2 ** 31 - 1)
      throw new Error(`ics: ${uid} has a bad sequence ${event.sequence}`);
    lines.push(`SEQUENCE:${event.sequence}`);
  }
  if (event.status !== undefined) {
    if (!STATUSES.has(event.status)) throw new Error(`ics: ${uid} has a bad status`);
    lines.push(`STATUS:${event.status}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.alarmMinutesBefore !== undefined) {
    const minutes = event.alarmMinutesBefore;
    if (!Number.isSafeInteger(minutes) || minutes < 0 || minutes > 60 * 24 * 366)
      throw new Error(`ics: ${uid} has a bad alarmMinutesBefore ${minutes}`);
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      minutes === 0 ? 'TRIGGER:PT0S' : `TRIGGER:-PT${minutes}M`,
      // §3.6.6: a DISPLAY alarm needs a DESCRIPTION; an empty one is shown as nothing at all.
      `DESCRIPTION:${escapeText(event.summary.trim() === '' ? uid : event.summary)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** `YYYYMMDDTHHMMSSZ`; sub-second parts are dropped (iCalendar counts whole seconds). */
function utcDateTime(ms: number, what: string): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new Error(`ics: ${what} is not finite`);
  if (ms < MIN_MS || ms > MAX_MS) throw new Error(`ics: ${what} is outside years 1–9999`);
  // toISOString writes a 4-digit year for years 0–9999: 2026-11-27T16:00:00.000Z.
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** A UID or domain: not blank, no control characters, no lone surrogates. */
function isPrintableId(s: string): boolean {
  if (typeof s !== 'string' || s.trim() === '') return false;
  for (const char of s) {
    const c = char.codePointAt(0) ?? 0;
    if (isAsciiControl(c) || isSurrogate(c)) return false;
  }
  return true;
}

const isAsciiControl = (c: number): boolean => c < 0x20 || c === 0x7f;
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/**
 * TEXT value per RFC 5545 §3.3.11: `\` `;` `,` escaped, line breaks (CRLF or LF) as `\n`, a lone
 * CR removed. Other ASCII control characters (not allowed in TEXT) are dropped, except TAB; a lone
 * UTF-16 surrogate (not encodable as UTF-8) becomes U+FFFD.
 */
export function escapeText(value: string): string {
  let out = '';
  // for…of walks code points: a surrogate seen alone here is a lone one.
  for (const char of value) {
    const c = char.codePointAt(0) ?? 0;
    if (char === '\\' || char === ';' || char === ',') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += char;
    else if (isAsciiControl(c))
      continue; // CR included: CRLF becomes \n, a lone CR goes
    else if (isSurrogate(c)) out += '\ufffd';
    else out += char;
  }
  return out;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line (§3.1): physical lines of at most 75 octets, each continuation starting
 * with one space; breaks fall between code points, never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = ICS_FOLD_OCTETS;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = ICS_FOLD_OCTETS - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Device names Windows reserves whatever the extension: `con.ics` cannot be created. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
const FILE_NAME_UNSAFE = new Set(['/', '\\', ':', '*', '?', '"', '<', '>', '|']);
/** Code points of the whole file name, `.ics` included. */
const FILE_NAME_MAX = 80;
/** UTF-8 bytes of the whole file name: most file systems allow 255. */
const FILE_NAME_MAX_OCTETS = 255;

/**
 * A file name safe on Windows, macOS and Linux: keeps Chinese and other letters, replaces
 * `/ \ : * ? " < > |` and control characters with `_`, turns runs of white space into one space,
 * trims spaces and dots at the ends, avoids Windows' reserved device names, ends in `.ics` and is
 * at most 80 characters (code points) and 255 UTF-8 bytes long.
 */
export function icsFileName(base: string): string {
  let name = '';
  for (const char of base) {
    const c = char.codePointAt(0) ?? 0;
    const unsafe =
      FILE_NAME_UNSAFE.has(char) || isAsciiControl(c) || (c >= 0x80 && c <= 0x9f) || isSurrogate(c);
    name += unsafe ? '_' : char;
  }
  name = trimEnds(trimEnds(name.replace(/\s+/g, ' ')).replace(/\.ics$/i, ''));
  let kept = '';
  let count = 0;
  let octets = 0;
  for (const char of name) {
    count += 1;
    octets += utf8Length(char.codePointAt(0) ?? 0);
    if (count > FILE_NAME_MAX - 4 || octets > FILE_NAME_MAX_OCTETS - 4) break;
    kept += char;
  }
  name = trimEnds(kept);
  if (name === '') name = 'calendar';
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  return `${name}.ics`;
}

function trimEnds(s: string): string {
  return s.replace(/^[\s.]+|[\s.]+$/g, '');
}
