import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type IcsEvent, icsFileName, toIcs } from './ics';

const NOW = Date.UTC(2026, 10, 20, 2, 0, 0);
const OPTIONS = { nowMs: NOW, calendarName: '接待日程' };
const utf8 = new TextEncoder();

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: 'booking-42',
    startMs: Date.UTC(2026, 10, 27, 1, 0),
    endMs: Date.UTC(2026, 10, 27, 2, 30),
    summary: '接机：张总',
    ...overrides,
  };
}

/** What ical.js reads back from a file. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const e = new ICAL.Event(vevent);
    return {
      vevent,
      uid: e.uid,
      summary: e.summary,
      description: e.description,
      location: e.location,
      sequence: e.sequence,
      startMs: e.startDate.toJSDate().getTime(),
      endMs: e.endDate.toJSDate().getTime(),
      startIsUtc: e.startDate.zone === ICAL.Timezone.utcTimezone,
      endIsUtc: e.endDate.zone === ICAL.Timezone.utcTimezone,
      status: vevent.getFirstPropertyValue('status'),
      stamp: (vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime(),
    };
  });
  return { calendar, events };
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

/** Physical lines (the file ends in CRLF, so the last split part is empty). */
function physicalLines(ics: string): string[] {
  const parts = ics.split('\r\n');
  expect(parts.at(-1)).toBe('');
  return parts.slice(0, -1);
}

function unfold(ics: string): string[] {
  return physicalLines(ics.replace(/\r\n[ \t]/g, ''));
}

/** The physical lines of the folded SUMMARY. */
function summaryLines(ics: string): string[] {
  const lines = physicalLines(ics);
  const first = lines.findIndex((l) => l.startsWith('SUMMARY:'));
  const folded = [lines[first] ?? ''];
  for (let i = first + 1; lines[i]?.startsWith(' '); i++) folded.push(lines[i] ?? '');
  return folded;
}

/**
 * X-WR-CALNAME as calendar apps read it. ical.js does not know this extension property, so it
 * hands back the raw value: unescape it as the TEXT it is (RFC 5545 §3.3.11).
 */
function calendarName(calendar: ICAL.Component): string {
  const raw = calendar.getFirstPropertyValue('x-wr-calname');
  expect(typeof raw).toBe('string');
  return String(raw).replace(/\\([\\;,nN])/g, (_, c: string) =>
    c === 'n' || c === 'N' ? '\n' : c,
  );
}

function expectWellFormed(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR
  for (const line of physicalLines(ics)) {
    expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
  }
  // A byte-level view: every physical line is valid UTF-8 on its own (no character cut in two).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bytes = utf8.encode(ics);
  let from = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      expect(() => decoder.decode(bytes.subarray(from, i))).not.toThrow();
      from = i + 2;
    }
  }
}

describe('toIcs: calendar and event properties', () => {
  it('writes the calendar header and a UTC event in RFC 5545 form', () => {
    const ics = toIcs([event({ sequence: 3, status: 'CONFIRMED', location: '浦东机场T2' })], {
      ...OPTIONS,
      uidDomain: 'reception.example.cn',
    });
    expectWellFormed(ics);
    expect(unfold(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Reception Manager//Bookings//ZH-CN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:接待日程',
      'BEGIN:VEVENT',
      'UID:booking-42@reception.example.cn',
      'DTSTAMP:20261120T020000Z',
      'DTSTART:20261127T010000Z',
      'DTEND:20261127T023000Z',
      'SEQUENCE:3',
      'STATUS:CONFIRMED',
      'SUMMARY:接机：张总',
      'LOCATION:浦东机场T2',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    const { calendar, events } = parse(ics);
    expect(calendarName(calendar)).toBe('接待日程');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const e = only(events);
    expect(e).toMatchObject({
      uid: 'booking-42@reception.example.cn',
      summary: '接机：张总',
      location: '浦东机场T2',
      sequence: 3,
      status: 'CONFIRMED',
      startMs: Date.UTC(2026, 10, 27, 1, 0),
      endMs: Date.UTC(2026, 10, 27, 2, 30),
      startIsUtc: true,
      endIsUtc: true,
      stamp: NOW,
    });
  });

  it.each([
    // Shanghai is UTC+8: 23:30–00:30 local is 15:30–16:30 UTC on the earlier date.
    ['across midnight in Shanghai', Date.UTC(2026, 10, 27, 15, 30), Date.UTC(2026, 10, 27, 16, 30)],
    ['from the last evening of a month', Date.UTC(2026, 0, 31, 14, 0), Date.UTC(2026, 1, 1, 2, 0)],
    ['into a new year in Shanghai', Date.UTC(2026, 11, 31, 15, 0), Date.UTC(2026, 11, 31, 17, 0)],
    ['over the UTC new year', Date.UTC(2026, 11, 31, 23, 0), Date.UTC(2027, 0, 1, 1, 0)],
    ['on a leap day', Date.UTC(2028, 1, 28, 16, 0), Date.UTC(2028, 1, 29, 16, 0)],
    ['on a long trip', Date.UTC(2026, 5, 30, 23, 59, 59), Date.UTC(2026, 7, 1, 0, 0, 1)],
    ['before 1970', Date.UTC(1969, 11, 31, 23, 59), Date.UTC(1970, 0, 1, 0, 1)],
  ])('keeps the instants %s', (_, startMs, endMs) => {
    const ics = toIcs([event({ startMs, endMs })], OPTIONS);
    const e = only(parse(ics).events);
    expect([e.startMs, e.endMs]).toEqual([startMs, endMs]);
    expect([e.startIsUtc, e.endIsUtc]).toEqual([true, true]);
  });

  it('writes the wall clock of UTC, not of the machine or the company', () => {
    const ics = toIcs(
      [event({ startMs: Date.UTC(2026, 11, 31, 16, 0), endMs: Date.UTC(2027, 0, 1, 0, 5, 9) })],
      OPTIONS,
    );
    expect(unfold(ics)).toContain('DTSTART:20261231T160000Z');
    expect(unfold(ics)).toContain('DTEND:20270101T000509Z');
  });

  it('drops sub-second parts (iCalendar counts whole seconds)', () => {
    const startMs = Date.UTC(2026, 3, 1, 8, 0, 0) + 999;
    const e = only(parse(toIcs([event({ startMs, endMs: startMs + 1 })], OPTIONS)).events);
    expect([e.startMs, e.endMs]).toEqual([startMs - 999, startMs - 999 + 1000]);
  });

  it('writes an event that ends when it starts without DTEND (DTEND must be later)', () => {
    const at = Date.UTC(2026, 3, 1, 8, 0);
    const ics = toIcs([event({ startMs: at, endMs: at })], OPTIONS);
    expect(ics).not.toContain('DTEND');
    const e = only(parse(ics).events);
    expect([e.startMs, e.endMs]).toEqual([at, at]);
  });

  it('writes several events in order, each with its own UID', () => {
    const ics = toIcs(
      [
        event({ uid: 'request-7-itinerary-1', summary: '接机' }),
        event({ uid: 'request-7-itinerary-2', summary: '午餐', status: 'TENTATIVE' }),
        event({ uid: 'request-7-itinerary-3', summary: '参观', status: 'CANCELLED' }),
      ],
      OPTIONS,
    );
    const { events } = parse(ics);
    expect(events.map((e) => [e.uid, e.summary, e.status])).toEqual([
      ['request-7-itinerary-1@reception-manager.local', '接机', null],
      ['request-7-itinerary-2@reception-manager.local', '午餐', 'TENTATIVE'],
      ['request-7-itinerary-3@reception-manager.local', '参观', 'CANCELLED'],
    ]);
  });
});

describe('toIcs: stable UIDs', () => {
  it('gives the same UID on a re-export and carries the new SEQUENCE', () => {
    const first = parse(toIcs([event({ sequence: 1 })], OPTIONS)).events;
    const second = parse(
      toIcs([event({ sequence: 2, summary: '接机：张总（改为T1）' })], {
        ...OPTIONS,
        nowMs: NOW + 3_600_000,
      }),
    ).events;
    expect(only(second).uid).toBe(only(first).uid);
    expect([only(first).sequence, only(second).sequence]).toEqual([1, 2]);
    expect(only(second).stamp).toBe(NOW + 3_600_000);
    expect(only(second).summary).toBe('接机：张总（改为T1）');
  });

  it('is byte-for-byte the same for the same input', () => {
    const events = [event({ sequence: 4, alarmMinutesBefore: 15, description: '司机：王师傅' })];
    expect(toIcs(events, OPTIONS)).toBe(toIcs(events, OPTIONS));
  });

  it('omits SEQUENCE when none is given (calendar apps read 0)', () => {
    const ics = toIcs([event()], OPTIONS);
    expect(ics).not.toContain('SEQUENCE');
    expect(only(parse(ics).events).vevent.hasProperty('sequence')).toBe(false);
  });
});

describe('toIcs: text', () => {
  const tricky = {
    summary: '接机, 张总; 李总\\王总，全角；标点',
    description: '航班：MU5101,\n司机：王师傅;电话 138-0000-0000\r\n备注：带\\横幅\\n（不是换行）',
    location: '上海浦东国际机场, T2; 国内到达 A 口',
  };

  it('escapes commas, semicolons, backslashes and line breaks, and they come back exactly', () => {
    const ics = toIcs([event(tricky)], { ...OPTIONS, calendarName: '张总, 李总; 日程\\2026' });
    expectWellFormed(ics);
    const lines = unfold(ics);
    expect(lines).toContain('SUMMARY:接机\\, 张总\\; 李总\\\\王总，全角；标点');
    expect(lines).toContain('LOCATION:上海浦东国际机场\\, T2\\; 国内到达 A 口');
    expect(lines).toContain('X-WR-CALNAME:张总\\, 李总\\; 日程\\\\2026');
    expect(lines).toContain(
      'DESCRIPTION:航班：MU5101\\,\\n司机：王师傅\\;电话 138-0000-0000\\n备注：带\\\\横幅\\\\n（不是换行）',
    );
    const { calendar, events } = parse(ics);
    const e = only(events);
    expect(e.summary).toBe(tricky.summary);
    expect(e.location).toBe(tricky.location);
    // CRLF inside a text becomes one line break.
    expect(e.description).toBe(tricky.description.replace(/\r\n/g, '\n'));
    expect(calendarName(calendar)).toBe('张总, 李总; 日程\\2026');
  });

  it('escapes ASCII , ; \\ and removes CR and other control characters', () => {
    const ics = toIcs([event({ summary: 'a,b;c\\d\ne\rf\u0000g\u0007h\u007fi\tj' })], OPTIONS);
    expect(unfold(ics)).toContain('SUMMARY:a\\,b\\;c\\\\d\\nef' + 'ghi\tj');
    expect(only(parse(ics).events).summary).toBe('a,b;c\\d\nefghi\tj');
  });

  it('folds a line of 100 Chinese characters at 75 octets without breaking a character', () => {
    const summary = Array.from({ length: 100 }, (_, i) => '接待安排日程'[i % 6]).join('');
    const ics = toIcs([event({ summary })], OPTIONS);
    expectWellFormed(ics);
    const folded = summaryLines(ics);
    // "SUMMARY:" is 8 octets: 22 characters (66 octets) fit in the first line, a 23rd would make 77.
    expect(folded.map((l) => utf8.encode(l).length)).toEqual([74, 73, 73, 73, 19]);
    expect(folded.map((l) => Array.from(l.trimStart()).length)).toEqual([30, 24, 24, 24, 6]);
    expect(only(parse(ics).events).summary).toBe(summary);
  });

  it('folds ASCII at exactly 75 octets', () => {
    const ics = toIcs([event({ summary: 'x'.repeat(200) })], OPTIONS);
    // 8 + 200 = 208 octets: 75, then 1 + 74, then 1 + 59.
    expect(summaryLines(ics).map((l) => l.length)).toEqual([75, 75, 60]);
    expect(only(parse(ics).events).summary).toBe('x'.repeat(200));
  });

  it('never splits an emoji (a surrogate pair, 4 octets)', () => {
    for (let pad = 0; pad < 4; pad++) {
      const summary = 'a'.repeat(pad) + '🚗✈️🏨👨‍👩‍👧'.repeat(20);
      const ics = toIcs([event({ summary })], OPTIONS);
      expectWellFormed(ics);
      expect(only(parse(ics).events).summary).toBe(summary);
    }
  });

  it('writes a lone surrogate (not encodable) as U+FFFD', () => {
    const ics = toIcs([event({ summary: 'a\ud83db\udc00' })], OPTIONS);
    expect(only(parse(ics).events).summary).toBe('a\ufffdb\ufffd');
  });
});

describe('toIcs: alarm', () => {
  it('adds a display alarm 15 minutes before the start', () => {
    const ics = toIcs([event({ alarmMinutesBefore: 15, summary: '司机出发' })], OPTIONS);
    expectWellFormed(ics);
    const alarm = only(parse(ics).events).vevent.getFirstSubcomponent('valarm');
    expect(alarm).not.toBeNull();
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm?.getFirstPropertyValue('description')).toBe('司机出发');
    const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger).toBeInstanceOf(ICAL.Duration);
    expect(trigger.toSeconds()).toBe(-15 * 60);
    expect(unfold(ics)).toContain('TRIGGER:-PT15M');
  });

  it('writes an alarm at the start as PT0S, and none when not asked for', () => {
    const at = parse(toIcs([event({ alarmMinutesBefore: 0 })], OPTIONS)).events;
    const trigger = only(at)
      .vevent.getFirstSubcomponent('valarm')
      ?.getFirstPropertyValue('trigger');
    expect((trigger as ICAL.Duration).toSeconds()).toBe(0);
    expect(toIcs([event()], OPTIONS)).not.toContain('VALARM');
  });
});

describe('toIcs: refuses bad input', () => {
  it.each<[string, IcsEvent[], Partial<typeof OPTIONS & { uidDomain: string }>]>([
    ['an end before the start', [event({ endMs: event().startMs - 1000 })], {}],
    ['a NaN start', [event({ startMs: Number.NaN })], {}],
    ['an infinite end', [event({ endMs: Number.POSITIVE_INFINITY })], {}],
    ['a NaN now', [event()], { nowMs: Number.NaN }],
    ['a year past 9999', [event({ endMs: Date.UTC(10000, 0, 1) })], {}],
    ['an empty uid', [event({ uid: '' })], {}],
    ['a blank uid', [event({ uid: '  ' })], {}],
    ['a uid with a line break', [event({ uid: 'booking-1\nX-EVIL:1' })], {}],
    ['the same uid twice', [event(), event()], {}],
    ['no events', [], {}],
    ['an empty uid domain', [event()], { uidDomain: '' }],
    ['a negative sequence', [event({ sequence: -1 })], {}],
    ['a fractional sequence', [event({ sequence: 1.5 })], {}],
    ['a negative alarm', [event({ alarmMinutesBefore: -5 })], {}],
    ['a NaN alarm', [event({ alarmMinutesBefore: Number.NaN })], {}],
    ['an unknown status', [event({ status: 'MAYBE' as 'CONFIRMED' })], {}],
  ])('throws on %s', (_, events, options) => {
    expect(() => toIcs(events, { ...OPTIONS, ...options })).toThrow(Error);
  });
});

describe('icsFileName', () => {
  it.each([
    ['接待日程', '接待日程.ics'],
    ['张总 2026/11/27 行程', '张总 2026_11_27 行程.ics'],
    ['a\\b:c*d?e"f<g>h|i', 'a_b_c_d_e_f_g_h_i.ics'],
    ['line\nbreak\ttab\u0000nul\u007fdel\u0085nel', 'line_break_tab_nul_del_nel.ics'],
    ['  spaces   inside  ', 'spaces inside.ics'],
    ['...dots...', 'dots.ics'],
    ['itinerary.ics', 'itinerary.ics'],
    ['itinerary.ICS', 'itinerary.ics'],
    ['', 'calendar.ics'],
    ['   ', 'calendar.ics'],
    ['///', '___.ics'],
    ['con', '_con.ics'],
    ['NUL', '_NUL.ics'],
    ['com1.backup', '_com1.backup.ics'],
    ['console', 'console.ics'],
    ['出行🚗', '出行🚗.ics'],
    ['x'.repeat(200), `${'x'.repeat(76)}.ics`],
    ['日'.repeat(200), `${'日'.repeat(76)}.ics`],
    ['🚗'.repeat(100), `${'🚗'.repeat(62)}.ics`], // 255 UTF-8 bytes at most
    [`${'a'.repeat(75)} b`, `${'a'.repeat(75)}.ics`], // no space left before .ics
  ])('%j becomes %j', (base, expected) => {
    expect(icsFileName(base)).toBe(expected);
  });

  it('always gives a short, safe name ending in .ics', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (base) => {
        const name = icsFileName(base);
        expect(name.endsWith('.ics')).toBe(true);
        expect(Array.from(name).length).toBeLessThanOrEqual(80);
        expect(utf8.encode(name).length).toBeLessThanOrEqual(255);
        expect(name).not.toMatch(/[/\\:*?"<>|]/);
        expect(Array.from(name).filter((c) => c < ' ' || c === '\u007f')).toEqual([]);
        expect(name).not.toMatch(/^[\s.]|[\s.]\.ics$/);
      }),
    );
  });
});

describe('toIcs: property', () => {
  // Characters that matter to the writer: escapes, line breaks, controls, CJK (3 octets),
  // astral emoji (4 octets, surrogate pairs), lone surrogates, and anything else.
  const unit = fc.oneof(
    fc.constantFrom('\\', ';', ',', ':', '"', '\n', '\r', '\r\n', '\t', ' ', '\u0000', '\u001f'),
    fc.constantFrom('\u007f', '\\n', 'é', '\u200d', '\ufe0f'),
    fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0x1f300, max: 0x1faff }).map((c) => String.fromCodePoint(c)),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  const text = fc.string({ unit, maxLength: 120 });

  /** What a TEXT value reads back as: CR and ASCII controls but TAB and LF gone, lone surrogates U+FFFD. */
  function expectedText(s: string): string {
    return Array.from(s)
      .map((ch) => {
        const c = ch.codePointAt(0) ?? 0;
        if (ch === '\n' || ch === '\t') return ch;
        if (c < 0x20 || c === 0x7f) return '';
        return c >= 0xd800 && c <= 0xdfff ? '\ufffd' : ch;
      })
      .join('');
  }

  // Whole seconds from 1900 to 2200.
  const instant = fc
    .integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2200, 0, 1) / 1000 })
    .map((s) => s * 1000);

  it('round-trips text and instants through ical.js', () => {
    fc.assert(
      fc.property(
        text,
        text,
        text,
        instant,
        fc.integer({ min: 0, max: 400 * 86_400 }),
        fc.nat({ max: 1000 }),
        (summary, description, location, startMs, seconds, sequence) => {
          const endMs = startMs + seconds * 1000;
          const ics = toIcs([event({ summary, description, location, startMs, endMs, sequence })], {
            ...OPTIONS,
            calendarName: summary,
          });
          expectWellFormed(ics);
          const { calendar, events } = parse(ics);
          const e = only(events);
          expect(e.summary).toBe(expectedText(summary));
          expect(e.description).toBe(expectedText(description));
          expect(e.location).toBe(expectedText(location));
          expect(calendarName(calendar)).toBe(expectedText(summary));
          expect([e.startMs, e.endMs, e.sequence]).toEqual([startMs, endMs, sequence]);
          expect(e.uid).toBe('booking-42@reception-manager.local');
        },
      ),
      { numRuns: 300 },
    );
  });
});
