import { TIERS, type Tier } from '../../../../../shared/policy';
import { REQUEST_STATUSES, type RequestStatus } from '../../../../../shared/requests/lifecycle';
import type { RequestListScope } from '../../../../../shared/requests/rights';
import type { PageInput } from '../../../api/queries';

export const LIST_SORTS = ['arrival_desc', 'arrival_asc', 'updated_desc', 'budget_desc'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_SORT: ListSort = 'updated_desc';
/** Rows per page read as the list scrolls (the contract allows up to 200). */
export const PAGE_SIZE = 100;

/**
 * What a request list shows, as kept in the URL query so back and forward restore it. The list
 * scrolls through every row (read page by page on a cursor), so no page number is kept; an older
 * address with `page=` still opens, at the top.
 */
export interface ListQuery {
  statuses: RequestStatus[];
  tiers: Tier[];
  departmentId: number | null;
  fromDate: string;
  toDate: string;
  search: string;
  sort: ListSort;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(','));
  return allowed.filter((v) => wanted.has(v));
}

function positiveInt(raw: string | null): number | null {
  if (!raw || !/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n > 0 ? n : null;
}

/** Reads the query leniently: anything malformed (a hand-edited URL) falls back to the default. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const sort = params.get('sort');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    statuses: listOf(params.get('status'), REQUEST_STATUSES),
    tiers: listOf(params.get('tier'), TIERS),
    departmentId: positiveInt(params.get('dept')),
    fromDate: DATE.test(from) ? from : '',
    toDate: DATE.test(to) ? to : '',
    search: (params.get('q') ?? '').slice(0, 100),
    sort: (LIST_SORTS as readonly string[]).includes(sort ?? '')
      ? (sort as ListSort)
      : DEFAULT_SORT,
  };
}

/** The query string for `q`, leaving out defaults so a plain list has a plain URL. */
export function listQueryParams(q: ListQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.statuses.length) p.set('status', q.statuses.join(','));
  if (q.tiers.length) p.set('tier', q.tiers.join(','));
  if (q.departmentId !== null) p.set('dept', String(q.departmentId));
  if (q.fromDate) p.set('from', q.fromDate);
  if (q.toDate) p.set('to', q.toDate);
  if (q.search) p.set('q', q.search);
  if (q.sort !== DEFAULT_SORT) p.set('sort', q.sort);
  return p;
}

/** True when any filter (not the sort) narrows the list. */
export function isFiltered(q: ListQuery): boolean {
  return (
    q.statuses.length > 0 ||
    q.tiers.length > 0 ||
    q.departmentId !== null ||
    q.fromDate !== '' ||
    q.toDate !== '' ||
    q.search !== ''
  );
}

/** The `requests.list` input for a list query, without the cursor (`useInfiniteOp` adds it). */
export function listInput(scope: RequestListScope, q: ListQuery): PageInput<'requests.list'> {
  return {
    scope,
    statuses: q.statuses.length ? q.statuses : undefined,
    tiers: q.tiers.length ? q.tiers : undefined,
    departmentId: q.departmentId ?? undefined,
    fromDate: q.fromDate || undefined,
    toDate: q.toDate || undefined,
    search: q.search || undefined,
    sort: q.sort,
    limit: PAGE_SIZE,
  };
}

/** A compact visit period: `2026-05-20 – 05-22`, the year once when both dates share it. */
export function dateRange(from: string, to: string): string {
  if (!to || from === to) return from;
  return `${from} – ${from.slice(0, 4) === to.slice(0, 4) ? to.slice(5) : to}`;
}
