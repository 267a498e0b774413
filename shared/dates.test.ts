import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyDate, instantOf, startOfCompanyDay, wallClock } from './dates';

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
