import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDays,
  companyDate,
  daysBetween,
  instantOf,
  startOfCompanyDay,
  wallClock,
  weekOf,
} from './dates';

describe('company calendar dates', () => {
  it.each([
    // instant (UTC), zone, company date
    [Date.UTC(2026, 10, 27, 15, 59), 'Asia/Shanghai', '2026-11-27'],
    [Date.UTC(2026, 10, 27, 16, 0), 'Asia/Shanghai', '2026-11-28'],
    [Date.UTC(2026, 10, 27, 16, 0), 'Europe/London', '2026-11-27'],
    [Date.UTC(2026, 0, 1, 4, 59), 'America/New_York', '2025-12-31'],
  ])('%i in %s is %s', (ms, tz, date) => {
    expect(companyDate(ms, tz)).toBe(date);
  });

  it('finds the start of a company day', () => {
    expect(startOfCompanyDay('2026-11-28', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 27, 16, 0));
    // Across the spring-forward day in New York the day still starts at local midnight (EST).
    expect(startOfCompanyDay('2026-03-08', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5, 0));
  });

  it('round-trips any instant through its wall clock in a zone without DST', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800 }), (seconds) => {
        const ms = seconds * 1000;
        expect(instantOf(wallClock(ms, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe(ms);
      }),
    );
  });
});

describe('calendar days', () => {
  it.each([
    ['2026-11-27', '2026-11-27', 0],
    ['2026-11-27', '2026-11-28', 1],
    ['2026-11-27', '2026-12-01', 4],
    ['2026-12-01', '2026-11-27', -4],
    ['2026-12-31', '2027-01-01', 1],
    ['2028-02-28', '2028-03-01', 2],
    ['2027-02-28', '2027-03-01', 1],
  ])('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('lists the days of a stay, both ends included, at most max', () => {
    expect(calendarDays('2028-02-28', '2028-03-01', 10)).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(calendarDays('2026-12-01', '2026-12-01', 10)).toEqual(['2026-12-01']);
    expect(calendarDays('2026-12-01', '2026-12-31', 3)).toHaveLength(3);
    expect(calendarDays('2026-12-02', '2026-12-01', 10)).toEqual([]);
    expect(calendarDays('', '2026-12-01', 10)).toEqual([]);
  });

  it('counts days the same in every zone the machine may be in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: -400, max: 400 }),
        (d, n) => {
          const from = addDays('1990-01-01', d);
          expect(daysBetween(from, addDays(from, n))).toBe(n);
        },
      ),
    );
  });
});

describe('weekOf', () => {
  it.each([
    ['a Tuesday', '2026-12-01', '2026-11-30', '2026-12-06'],
    ['a Monday', '2026-11-30', '2026-11-30', '2026-12-06'],
    ['a Sunday', '2026-12-06', '2026-11-30', '2026-12-06'],
    ['across a year', '2027-01-01', '2026-12-28', '2027-01-03'],
    ['before 1970-01-05', '1969-12-31', '1969-12-29', '1970-01-04'],
  ])('%s', (_label, date, from, to) => {
    expect(weekOf(date)).toEqual({ from, to });
  });
});
