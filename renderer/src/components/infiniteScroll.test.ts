import { describe, expect, it } from 'vitest';
import {
  LOAD_AHEAD_ROWS,
  columnsThatFit,
  columnsWidth,
  nearEnd,
  shouldLoadMore,
  shownTotal,
} from './infiniteScroll';

const ROW = 40;
/** 100 rows of 40 px in a 400 px list, scrolled so that `below` px are left under it. */
const scrolled = (below: number) => ({
  scrollHeight: 4_000,
  clientHeight: 400,
  scrollTop: 4_000 - 400 - below,
});

describe('when to read the next page', () => {
  it('within ten rows of the end, not before', () => {
    expect(LOAD_AHEAD_ROWS).toBe(10);
    expect(nearEnd(scrolled(ROW * 10 + 1), ROW)).toBe(false);
    expect(nearEnd(scrolled(ROW * 10), ROW)).toBe(true);
    expect(nearEnd(scrolled(0), ROW)).toBe(true);
  });

  it('at once when the rows do not fill the list', () => {
    expect(nearEnd({ scrollHeight: 200, clientHeight: 200, scrollTop: 0 }, ROW)).toBe(true);
  });

  it('never for a list that is not laid out (hidden, or no layout at all)', () => {
    expect(nearEnd({ scrollHeight: 0, clientHeight: 0, scrollTop: 0 }, ROW)).toBe(false);
  });

  it('only when there is a next page and no read is under way', () => {
    const end = scrolled(0);
    expect(shouldLoadMore(end, { hasMore: true, fetching: false }, ROW)).toBe(true);
    expect(shouldLoadMore(end, { hasMore: false, fetching: false }, ROW)).toBe(false);
    // A page being read, or the loaded ones read again after an event: wait for it.
    expect(shouldLoadMore(end, { hasMore: true, fetching: true }, ROW)).toBe(false);
    expect(shouldLoadMore(scrolled(2_000), { hasMore: true, fetching: false }, ROW)).toBe(false);
  });
});

describe('the count under a list', () => {
  it('is the first page’s while more pages follow, capped or not', () => {
    expect(shownTotal({ count: 10_000, atLeast: true }, 300, true)).toEqual({
      count: 10_000,
      atLeast: true,
    });
    expect(shownTotal({ count: 420, atLeast: false }, 100, true)).toEqual({
      count: 420,
      atLeast: false,
    });
  });

  it('is exact once every row is loaded', () => {
    expect(shownTotal({ count: 10_000, atLeast: true }, 12_345, false)).toEqual({
      count: 12_345,
      atLeast: false,
    });
    expect(shownTotal(null, 0, false)).toEqual({ count: 0, atLeast: false });
  });
});

describe('columns in a narrow window', () => {
  const columns = [
    { key: 'code', width: 120 },
    { key: 'org' },
    { key: 'visitors', width: 60 },
    { key: 'updated', width: 120 },
  ];
  const keys = (cs: { key?: unknown }[]) => cs.map((c) => c.key);

  it('need their widths, and the least width for those without', () => {
    expect(columnsWidth(columns, 140)).toBe(440);
  });

  it('all stay when they fit or before the width is known', () => {
    expect(keys(columnsThatFit(columns, 440, ['visitors'], 140))).toEqual(keys(columns));
    expect(keys(columnsThatFit(columns, 0, ['visitors'], 140))).toEqual(keys(columns));
  });

  it('the droppable ones go first to last, only as many as needed', () => {
    expect(keys(columnsThatFit(columns, 400, ['visitors', 'updated'], 140))).toEqual([
      'code',
      'org',
      'updated',
    ]);
    expect(keys(columnsThatFit(columns, 300, ['visitors', 'updated'], 140))).toEqual([
      'code',
      'org',
    ]);
    // Nothing more to drop: the rest scrolls sideways.
    expect(keys(columnsThatFit(columns, 100, ['visitors', 'updated'], 140))).toEqual([
      'code',
      'org',
    ]);
  });
});
