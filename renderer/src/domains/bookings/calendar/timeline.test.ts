import { describe, expect, it } from 'vitest';
import { wallInstant } from '../../../../../shared/bookings/rules';
import {
  assignLanes,
  clock,
  daySegments,
  nowLine,
  position,
  shownDays,
  step,
  type DaySegment,
} from './timeline';

const SH = 'Asia/Shanghai';
const at = (date: string, time: string, tz = SH) => wallInstant(date, time, tz);
const seg = (
  date: string,
  startMin: number,
  endMin: number,
  fromBefore = false,
  intoNext = false,
): DaySegment => ({ date, startMin, endMin, fromBefore, intoNext });

describe('daySegments', () => {
  const cases: {
    name: string;
    start: [string, string];
    end: [string, string];
    days: string[];
    tz?: string;
    want: DaySegment[];
  }[] = [
    {
      name: 'a morning on its day',
      start: ['2026-12-03', '10:00'],
      end: ['2026-12-03', '12:00'],
      days: ['2026-12-03'],
      want: [seg('2026-12-03', 600, 720)],
    },
    {
      name: 'another day: nothing',
      start: ['2026-12-03', '10:00'],
      end: ['2026-12-03', '12:00'],
      days: ['2026-12-04'],
      want: [],
    },
    {
      name: 'across midnight: cut at the day edge, on both days',
      start: ['2026-12-03', '22:00'],
      end: ['2026-12-04', '01:30'],
      days: ['2026-12-03', '2026-12-04', '2026-12-05'],
      want: [seg('2026-12-03', 1320, 1440, false, true), seg('2026-12-04', 0, 90, true, false)],
    },
    {
      name: 'across a month end',
      start: ['2026-01-31', '23:00'],
      end: ['2026-02-01', '00:45'],
      days: ['2026-01-31', '2026-02-01'],
      want: [seg('2026-01-31', 1380, 1440, false, true), seg('2026-02-01', 0, 45, true, false)],
    },
    {
      name: 'across a year end',
      start: ['2026-12-31', '20:00'],
      end: ['2027-01-01', '02:00'],
      days: ['2027-01-01'],
      want: [seg('2027-01-01', 0, 120, true, false)],
    },
    {
      name: 'ending at midnight does not reach into the next day',
      start: ['2026-12-03', '20:00'],
      end: ['2026-12-04', '00:00'],
      days: ['2026-12-03', '2026-12-04'],
      want: [seg('2026-12-03', 1200, 1440)],
    },
    {
      name: 'starting at midnight',
      start: ['2026-12-04', '00:00'],
      end: ['2026-12-04', '06:00'],
      days: ['2026-12-03', '2026-12-04'],
      want: [seg('2026-12-04', 0, 360)],
    },
    {
      name: 'three days: the middle one whole',
      start: ['2026-12-03', '18:00'],
      end: ['2026-12-05', '09:00'],
      days: ['2026-12-03', '2026-12-04', '2026-12-05'],
      want: [
        seg('2026-12-03', 1080, 1440, false, true),
        seg('2026-12-04', 0, 1440, true, true),
        seg('2026-12-05', 0, 540, true, false),
      ],
    },
    {
      name: 'the company zone, not the machine’s (New York)',
      start: ['2026-12-03', '23:00'],
      end: ['2026-12-04', '01:00'],
      days: ['2026-12-03', '2026-12-04'],
      tz: 'America/New_York',
      want: [seg('2026-12-03', 1380, 1440, false, true), seg('2026-12-04', 0, 60, true, false)],
    },
    {
      name: 'a 23-hour day (DST starts) keeps wall-clock minutes',
      start: ['2026-03-29', '01:00'],
      end: ['2026-03-29', '05:00'],
      days: ['2026-03-29'],
      tz: 'Europe/Berlin',
      want: [seg('2026-03-29', 60, 300)],
    },
  ];
  it.each(cases)('$name', ({ start, end, days, tz = SH, want }) => {
    const span = { startMs: at(...start, tz), endMs: at(...end, tz) };
    expect(daySegments(span, days, tz)).toEqual(want);
  });
});

describe('position', () => {
  it.each([
    [
      { startMin: 0, endMin: 1440 },
      { left: 0, width: 100 },
    ],
    [
      { startMin: 600, endMin: 720 },
      { left: 41.666666666666664, width: 8.333333333333332 },
    ],
    [
      { startMin: 540, endMin: 540 },
      { left: 37.5, width: 0 },
    ],
    [
      { startMin: -30, endMin: 1500 },
      { left: 0, width: 100 },
    ],
  ])('%o → %o', (segment, want) => {
    const got = position(segment);
    expect(got.left).toBeCloseTo(want.left, 9);
    expect(got.width).toBeCloseTo(want.width, 9);
  });
});

describe('assignLanes', () => {
  it.each([
    { name: 'nothing: one empty lane', items: [], lanes: [], count: 1 },
    {
      name: 'apart and touching share a lane',
      items: [
        { startMin: 600, endMin: 720 },
        { startMin: 720, endMin: 780 },
        { startMin: 60, endMin: 120 },
      ],
      lanes: [0, 0, 0],
      count: 1,
    },
    {
      name: 'overlapping ones stack',
      items: [
        { startMin: 600, endMin: 720 },
        { startMin: 660, endMin: 780 },
        { startMin: 700, endMin: 710 },
        { startMin: 780, endMin: 800 },
      ],
      lanes: [0, 1, 2, 0],
      count: 3,
    },
    {
      name: 'a freed lane is taken again',
      items: [
        { startMin: 0, endMin: 100 },
        { startMin: 50, endMin: 300 },
        { startMin: 120, endMin: 200 },
      ],
      lanes: [0, 1, 0],
      count: 2,
    },
  ])('$name', ({ items, lanes, count }) => {
    expect(assignLanes(items)).toEqual({ lanes, count });
  });
});

describe('moving the date', () => {
  it.each([
    ['2026-12-03', 'day', -1, '2026-12-02'],
    ['2026-12-31', 'day', 1, '2027-01-01'],
    ['2026-03-01', 'day', -1, '2026-02-28'],
    ['2028-03-01', 'day', -1, '2028-02-29'],
    ['2026-12-03', 'week', 1, '2026-12-10'],
    ['2026-12-29', 'week', 1, '2027-01-05'],
  ] as const)('%s %s %i → %s', (date, mode, dir, want) => {
    expect(step(date, mode, dir)).toBe(want);
  });

  it('a week runs Monday to Sunday, across a month end', () => {
    expect(shownDays('2026-12-03', 'day')).toEqual(['2026-12-03']);
    expect(shownDays('2026-12-03', 'week')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(shownDays('2026-12-06', 'week')[0]).toBe('2026-11-30');
  });
});

describe('the now line and clock', () => {
  it('stands on today only, at the company’s wall clock', () => {
    const now = at('2026-12-03', '14:30');
    expect(nowLine(now, '2026-12-03', SH)).toBe(870);
    expect(nowLine(now, '2026-12-04', SH)).toBeNull();
    // 14:30 in Shanghai is 01:30 the same day in New York.
    expect(nowLine(now, '2026-12-03', 'America/New_York')).toBe(90);
  });
  it.each([
    [0, '00:00'],
    [545, '09:05'],
    [1440, '24:00'],
  ])('%i → %s', (m, want) => expect(clock(m)).toBe(want));
});
