import { describe, expect, it } from 'vitest';
import { financeQueryParams, linesHref, parseFinanceQuery, periodOf, shiftPeriod } from './period';

describe('finance periods', () => {
  it.each([
    ['month', '2026-02-14', '2026-02-01', '2026-02-28'],
    ['month', '2024-02-14', '2024-02-01', '2024-02-29'],
    ['quarter', '2026-05-20', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-12-31', '2026-10-01', '2026-12-31'],
    ['year', '2026-07-01', '2026-01-01', '2026-12-31'],
  ] as const)('%s of %s is %s … %s', (kind, date, from, to) => {
    expect(periodOf(kind, date)).toEqual({ from, to });
  });

  it('steps back and forth across years', () => {
    expect(shiftPeriod('month', '2026-01-01', -1)).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(shiftPeriod('quarter', '2026-10-01', 1)).toEqual({
      from: '2027-01-01',
      to: '2027-03-31',
    });
    expect(shiftPeriod('year', '2026-01-01', -1)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('reads the URL leniently and writes it back', () => {
    const q = parseFinanceQuery(
      new URLSearchParams(
        'period=quarter&from=2026-05-03&dept=3&tier=B&category=meals&over=1&by=host',
      ),
      '2026-12-02',
    );
    expect(q).toEqual({
      kind: 'quarter',
      period: {
        from: '2026-04-01',
        to: '2026-06-30',
        departmentId: 3,
        tier: 'B',
        category: 'meals',
        overCapOnly: true,
      },
      groupBy: 'host',
    });
    expect(parseFinanceQuery(financeQueryParams(q), '2026-12-02')).toEqual(q);
    // Nonsense falls back to this month, no filters.
    expect(
      parseFinanceQuery(
        new URLSearchParams('period=x&from=2026-13-45&tier=Z&dept=-1&by=y'),
        '2026-12-02',
      ),
    ).toEqual({
      kind: 'month',
      period: { from: '2026-12-01', to: '2026-12-31' },
      groupBy: 'department',
    });
    // A custom period backwards is this month.
    expect(
      parseFinanceQuery(
        new URLSearchParams('period=custom&from=2026-05-03&to=2026-05-01'),
        '2026-12-02',
      ).period,
    ).toEqual({ from: '2026-05-01', to: '2026-05-31' });
  });

  it('links a figure to the lines behind it, narrowed to its row and column', () => {
    const q = parseFinanceQuery(
      new URLSearchParams('period=year&from=2026-01-01&tier=B'),
      '2026-12-02',
    );
    const params = (href: string) => Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(params(linesHref(q, { groupBy: 'department', key: '4' }))).toEqual({
      period: 'custom',
      from: '2026-01-01',
      to: '2026-12-31',
      dept: '4',
      tier: 'B',
    });
    // The department-less row narrows nothing on department.
    expect(params(linesHref(q, { groupBy: 'department', key: '0' })).dept).toBeUndefined();
    expect(params(linesHref(q, { departmentId: 2, category: 'gifts' }))).toMatchObject({
      dept: '2',
      category: 'gifts',
    });
    expect(params(linesHref(q, { groupBy: 'status', key: 'settled' })).status).toBe('settled');
  });
});
