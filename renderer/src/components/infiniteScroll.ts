import type { ListTotal } from '../../../shared/contract/types';

/** The scroll state of a list's scrolling element, as the DOM gives it. */
export interface ScrollMetrics {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
}

/** The next page is asked for when fewer rows than this are left below the ones shown. */
export const LOAD_AHEAD_ROWS = 10;

/**
 * True when fewer than `rows` rows of `rowHeight` are left below what is shown (or none at all:
 * the loaded rows do not fill the list). An element that is not laid out (no height: hidden, or
 * no layout engine) is never near its end.
 */
export function nearEnd(m: ScrollMetrics, rowHeight: number, rows = LOAD_AHEAD_ROWS): boolean {
  if (m.clientHeight <= 0) return false;
  return m.scrollHeight - m.scrollTop - m.clientHeight <= rowHeight * rows;
}

/**
 * Whether to read the next page now: there is one, no read is under way (neither a following
 * page nor a refresh of the loaded ones, which would then be read on stale cursors), and the
 * reader is near the end.
 */
export function shouldLoadMore(
  m: ScrollMetrics,
  state: { hasMore: boolean; fetching: boolean },
  rowHeight: number,
): boolean {
  return state.hasMore && !state.fetching && nearEnd(m, rowHeight);
}

/**
 * The count to show under a list: the first page's (the server stops counting at a cap and says
 * "at least"), or, once every row is loaded, the exact number of rows loaded.
 */
export function shownTotal(
  total: ListTotal | null,
  loaded: number,
  hasMore: boolean,
): ListTotal | null {
  return hasMore ? total : { count: loaded, atLeast: false };
}

/** A column as far as its width goes: a number of pixels, or none (it shares what is left). */
export interface SizedColumn {
  key?: unknown;
  width?: unknown;
}

/** The width the columns need: their own widths, and `flexMin` for each that has none. */
export function columnsWidth(columns: readonly SizedColumn[], flexMin: number): number {
  return columns.reduce<number>(
    (sum, c) => sum + (typeof c.width === 'number' ? c.width : flexMin),
    0,
  );
}

/**
 * The columns to show in `available` pixels: all of them if they fit, else without the
 * `droppable` ones (by key), first to last, until they fit or none is left to drop; what still
 * does not fit scrolls sideways. An unknown width (0: not measured yet) keeps every column.
 */
export function columnsThatFit<C extends SizedColumn>(
  columns: readonly C[],
  available: number,
  droppable: readonly unknown[],
  flexMin: number,
): C[] {
  let shown = [...columns];
  if (available <= 0) return shown;
  for (const key of droppable) {
    if (columnsWidth(shown, flexMin) <= available) break;
    shown = shown.filter((c) => c.key !== key);
  }
  return shown;
}
