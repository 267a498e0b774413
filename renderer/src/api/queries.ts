/**
 * Server state on TanStack Query: every read is an operation of the contract, cached under
 * `[name, input]`; every write is a mutation that invalidates the reads it changes; and the events
 * main pushes invalidate through one table (`EVENT_INVALIDATIONS`).
 */
import {
  QueryClient,
  QueryClientProvider,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type InvalidateQueryFilters,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { App } from 'antd';
import {
  createElement,
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_NAMES, type EventName, type OperationName } from '../../../shared/contract/names';
import type { EventPayload, OpInput, OpOutput } from '../../../shared/contract/operations';
import type { ListTotal, Page } from '../../../shared/contract/types';
import { ACCOUNT_LOCKED_KIND } from '../../../shared/notifications';
import type { RequestDossier } from '../../../shared/requests/views';
import type { ApiError, ErrorCode, Message, MessageParams, Result } from '../../../shared/result';
import { call, onStreamResync, subscribe } from './client';

export { keepPreviousData };

/** A `{ ok: false }` result of a read, thrown so that `query.error` carries it. */
export class OpError extends Error implements ApiError {
  readonly code: ErrorCode;
  /** The i18n key of the message, to translate in the current language. */
  readonly key: string;
  readonly params?: MessageParams;
  readonly fieldErrors?: Record<string, Message>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'OpError';
    this.code = error.code;
    this.key = error.key;
    if (error.params) this.params = error.params;
    if (error.fieldErrors) this.fieldErrors = error.fieldErrors;
  }
}

/** The value of an ok result; throws an `OpError` for an error result. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new OpError(result.error);
  return result.value;
}

/** Failures worth one more try: only "cannot reach the service". Typed errors are answers. */
function retryNetworkOnce(failureCount: number, error: Error): boolean {
  return failureCount < 1 && error instanceof OpError && error.key === 'errors.NETWORK';
}

/** A client with desktop defaults; one per signed-in user (see `QueryProvider`). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Opening a page reads afresh, as before the cache: changes by others that send no event
        // (an admin's edits, the all-requests list) must not look old. The cache still serves
        // the first paint and the events' targeted refreshes.
        staleTime: 0,
        retry: retryNetworkOnce,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // The service is local (IPC or 127.0.0.1): an offline machine must not pause queries.
        networkMode: 'always',
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}

export type OpKey<N extends OperationName> = readonly [N] | readonly [N, OpInput<N>];

/**
 * The query key of an operation: `[name, input]`, or `[name]` without input, which as a filter
 * matches every input of that operation.
 */
export function opKey<N extends OperationName>(name: N): readonly [N];
export function opKey<N extends OperationName>(
  name: N,
  input: OpInput<N>,
): readonly [N, OpInput<N>];
export function opKey<N extends OperationName>(name: N, input?: OpInput<N>): OpKey<N> {
  return input === undefined ? [name] : [name, input];
}

export type UseOpOptions<N extends OperationName, TData = OpOutput<N>> = Pick<
  UseQueryOptions<OpOutput<N>, OpError, TData, readonly [N, OpInput<N>]>,
  'enabled' | 'refetchInterval' | 'placeholderData' | 'select' | 'staleTime' | 'gcTime'
>;

/**
 * Reads an operation. An error result becomes `query.error` (an `OpError`, with `key` to
 * translate). For paged lists pass `placeholderData: keepPreviousData`.
 */
export function useOp<N extends OperationName, TData = OpOutput<N>>(
  name: N,
  input: OpInput<N>,
  options: UseOpOptions<N, TData> = {},
): UseQueryResult<TData, OpError> {
  return useQuery({
    ...options,
    queryKey: opKey(name, input),
    queryFn: async () => unwrap(await call(name, input)),
  });
}

/** The operations read a page at a time: they answer a `Page` and take the cursor as `after`. */
export type PagedOperation = {
  [N in OperationName]: OpOutput<N> extends Page<unknown, unknown>
    ? 'after' extends keyof OpInput<N>
      ? N
      : never
    : never;
}[OperationName];

/** The rows of one page of a paged operation. */
export type PageItem<N extends PagedOperation> =
  OpOutput<N> extends Page<infer T, unknown> ? T : never;
/** Where a paged operation's next page starts (its `next`, passed back as `after`). */
export type PageCursor<N extends PagedOperation> =
  OpOutput<N> extends Page<unknown, infer C> ? C : never;
/** The input of a paged operation without the cursor: what the list shows (filters, sort, limit). */
export type PageInput<N extends PagedOperation> = Omit<OpInput<N>, 'after'>;

type PagesOf<N extends PagedOperation> = InfiniteData<
  Page<PageItem<N>, PageCursor<N>>,
  PageCursor<N> | undefined
>;

export type UseInfiniteOpOptions<N extends PagedOperation> = Pick<
  UseInfiniteQueryOptions<
    Page<PageItem<N>, PageCursor<N>>,
    OpError,
    PagesOf<N>,
    readonly [N, PageInput<N>],
    PageCursor<N> | undefined
  >,
  'enabled' | 'placeholderData' | 'staleTime' | 'gcTime'
>;

export interface InfiniteOp<N extends PagedOperation> {
  /** The TanStack query: `fetchNextPage`, `hasNextPage`, `isFetchingNextPage`, `error`… */
  query: UseInfiniteQueryResult<PagesOf<N>, OpError>;
  /** The rows of every page read so far, in order. */
  items: PageItem<N>[];
  /** How many rows the filters match, from the first page (the following ones carry none). */
  total: ListTotal | null;
  /**
   * Reads the following page, unless a read is under way: then nothing (a scroll handler may ask
   * many times before the first answer; the page is read once, never on a stale cursor).
   */
  loadMore: () => void;
}

/**
 * Reads a keyset-paged operation page by page, for an infinite list: the first page without
 * `after`, each following one with the `next` of the page before, until `next` is null.
 *
 * Cached under `[name, input]` like `useOp`, so `opKey(name)` filters and `EVENT_INVALIDATIONS`
 * reach it; an invalidation reads every loaded page again, from the first, so a list scrolled far
 * down keeps its rows (and its place). Do not also read the same input with `useOp`: the two keep
 * different data under one key. For filters that change, pass `placeholderData: keepPreviousData`.
 */
export function useInfiniteOp<N extends PagedOperation>(
  name: N,
  input: PageInput<N>,
  options: UseInfiniteOpOptions<N> = {},
): InfiniteOp<N> {
  const query = useInfiniteQuery<
    Page<PageItem<N>, PageCursor<N>>,
    OpError,
    PagesOf<N>,
    readonly [N, PageInput<N>],
    PageCursor<N> | undefined
  >({
    ...options,
    queryKey: [name, input] as const,
    queryFn: async ({ pageParam }) => {
      const args = (pageParam === undefined ? input : { ...input, after: pageParam }) as OpInput<N>;
      return unwrap(await call(name, args)) as Page<PageItem<N>, PageCursor<N>>;
    },
    initialPageParam: undefined as PageCursor<N> | undefined,
    getNextPageParam: (page) => page.next ?? undefined,
  });
  const { data, fetchNextPage } = query;
  const items = useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
  const loadMore = useCallback(() => void fetchNextPage({ cancelRefetch: false }), [fetchNextPage]);
  return { query, items, total: data?.pages[0]?.total ?? null, loadMore };
}

export interface UseOpMutationOptions {
  /** Operations whose cached reads (every input) are invalidated after an ok result. */
  invalidates?: readonly OperationName[];
}

/**
 * Runs a write. `mutateAsync` resolves to the `Result` itself, error results included (forms
 * need `fieldErrors`), so `status` is 'success' for any answer; it rejects only if the transport
 * does. After an ok result, the `invalidates` operations are invalidated before it resolves.
 */
export function useOpMutation<N extends OperationName>(
  name: N,
  options: UseOpMutationOptions = {},
): UseMutationResult<Result<OpOutput<N>>, Error, OpInput<N>> {
  const queryClient = useQueryClient();
  const { invalidates = [] } = options;
  return useMutation({
    mutationKey: [name],
    mutationFn: (input: OpInput<N>) => call(name, input),
    onSuccess: async (result) => {
      if (!result.ok) return;
      await Promise.all(
        invalidates.map((op) => queryClient.invalidateQueries({ queryKey: opKey(op) })),
      );
    },
  });
}

/**
 * Reads an operation through the cache from an event handler (not while rendering): a fresh
 * cached answer is reused, else it is fetched and cached. Resolves to the `Result`.
 */
export async function fetchOp<N extends OperationName>(
  queryClient: QueryClient,
  name: N,
  input: OpInput<N>,
  options: { staleTime?: number } = {},
): Promise<Result<OpOutput<N>>> {
  try {
    const value = await queryClient.fetchQuery({
      queryKey: opKey(name, input),
      queryFn: async () => unwrap(await call(name, input)),
      staleTime: options.staleTime ?? 0,
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof OpError) return { ok: false, error };
    throw error;
  }
}

/** Marks every cached read of these operations stale; the ones on screen read again. */
export function useInvalidate(): (...ops: OperationName[]) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (...ops: OperationName[]) => {
      await Promise.all(ops.map((op) => queryClient.invalidateQueries({ queryKey: opKey(op) })));
    },
    [queryClient],
  );
}

/** The reads besides the request itself that a write to a request (or one of its steps) changes. */
const REQUEST_LISTS = ['requests.list', 'approvals.inbox', 'approvals.count'] as const;

/**
 * Takes the dossier a write returned (save, submit, decide, transfer, comment, cancel): it becomes
 * the cached `requests.get` of that request without another round trip, and the lists it shows
 * up in are marked stale.
 */
export function useAcceptDossier(): (dossier: RequestDossier) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (dossier: RequestDossier) => {
      queryClient.setQueryData(opKey('requests.get', { id: dossier.id }), dossier);
      for (const op of REQUEST_LISTS) void queryClient.invalidateQueries({ queryKey: opKey(op) });
    },
    [queryClient],
  );
}

/**
 * A request was written but no dossier came back (a submit that saved the body and failed): its
 * cached read and the request lists are stale.
 */
export function useRequestWritten(): (id: number) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (id: number) => {
      void queryClient.invalidateQueries({ queryKey: opKey('requests.get', { id }) });
      for (const op of REQUEST_LISTS) void queryClient.invalidateQueries({ queryKey: opKey(op) });
    },
    [queryClient],
  );
}

/** Errors the shell answers by itself (lock screen, sign-in): no toast on top of that. */
const SESSION_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SESSION_EXPIRED',
  'SESSION_LOCKED',
  'UNAUTHENTICATED',
]);

export const isSessionError = (error: ApiError | null | undefined): boolean =>
  error !== null && error !== undefined && SESSION_CODES.has(error.code);

/** Shows a read's error as a translated toast, once per failed read. */
export function useErrorToast(error: OpError | null): void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const show = useEffectEvent((e: OpError) => void message.error(t(e.key, e.params)));
  useEffect(() => {
    if (error && !isSessionError(error)) show(error);
  }, [error]);
}

/** What each event from main makes stale. The type requires an entry for every event. */
export const EVENT_INVALIDATIONS: {
  readonly [E in EventName]: (payload: EventPayload<E>) => InvalidateQueryFilters[];
} = {
  // A lockout tells the administrators by a notification: the home page's locked-accounts tile
  // and the users page must then show it as the bell does. Other notifications leave the list.
  'notifications.created': ({ notification }) => [
    { queryKey: opKey('notifications.list') },
    ...(notification.kind === ACCOUNT_LOCKED_KIND ? [{ queryKey: opKey('users.list') }] : []),
  ],
  'approvals.changed': ({ requestId }) => [
    { queryKey: opKey('approvals.inbox') },
    { queryKey: opKey('approvals.count') },
    { queryKey: opKey('approvals.unstaffed') },
    { queryKey: opKey('requests.list') },
    { queryKey: opKey('requests.get', { id: requestId }) },
  ],
  'bookings.changed': ({ requestId }) => [
    { queryKey: opKey('bookings.ofRequest', { requestId }) },
    { queryKey: opKey('bookings.plan', { requestId }) },
    { queryKey: opKey('bookings.toPlan') },
    { queryKey: opKey('bookings.calendar') },
    { queryKey: opKey('bookings.day') },
    { queryKey: opKey('bookings.free') },
    { queryKey: opKey('bookings.resources') },
    // The desk's board shows each visit's rooms and cars.
    { queryKey: opKey('frontdesk.board') },
  ],
  'tasks.changed': ({ requestId }) => [
    { queryKey: opKey('tasks.mine') },
    { queryKey: opKey('tasks.ofRequest', { requestId }) },
  ],
  'frontdesk.changed': ({ day, requestIds }) => [
    { queryKey: opKey('frontdesk.board', { day }) },
    { queryKey: opKey('frontdesk.walkIns', { day }) },
    { queryKey: opKey('frontdesk.walkIn') },
    { queryKey: opKey('frontdesk.onSite') },
    { queryKey: opKey('frontdesk.myWalkIns') },
    { queryKey: opKey('requests.list') },
    ...requestIds.map((id) => ({ queryKey: opKey('requests.get', { id }) })),
  ],
  'expenses.changed': ({ requestId }) => [
    { queryKey: opKey('expenses.visit', { requestId }) },
    { queryKey: opKey('expenses.advances') },
    { queryKey: opKey('expenses.reconciliations') },
    { queryKey: opKey('expenses.report') },
    { queryKey: opKey('expenses.lines') },
    { queryKey: opKey('expenses.dashboard') },
    { queryKey: opKey('requests.get', { id: requestId }) },
    { queryKey: opKey('requests.list') },
  ],
  // The export's own dialog listens to its progress; nothing cached goes stale.
  'exports.progress': () => [],
  // For a session an administrator ended: the session itself signs out (SessionContext), and
  // with it goes this whole cache.
  'sessions.ended': () => [],
  // The desktop client's connection to the office server: the strip shows it
  // (layout/ConnectionStrip.tsx); nothing cached changes with it.
  'system.connection': () => [],
  // The desktop client's event stream came back without what was missed: everything shown may be
  // stale (the browser's own stream says so with `onStreamResync`, below).
  'system.resync': () => [{}],
};

/** Applies the table to one event. */
export async function invalidateForEvent<E extends EventName>(
  queryClient: QueryClient,
  event: E,
  payload: EventPayload<E>,
): Promise<void> {
  const filters = EVENT_INVALIDATIONS[event](payload);
  await Promise.all(filters.map((f) => queryClient.invalidateQueries(f)));
}

function listen<E extends EventName>(queryClient: QueryClient, event: E): () => void {
  return subscribe(event, (payload) => void invalidateForEvent(queryClient, event, payload));
}

/** Subscribes to every event of the table while mounted, invalidating what each makes stale. */
export function useEventInvalidation(queryClient: QueryClient): void {
  useEffect(() => {
    const stops = EVENT_NAMES.map((event) => listen(queryClient, event));
    // Events were lost (a server restart): everything shown may be stale.
    stops.push(onStreamResync(() => void queryClient.invalidateQueries()));
    return () => {
      for (const stop of stops) stop();
    };
  }, [queryClient]);
}

function UserQueryScope({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  useEventInvalidation(queryClient);
  return createElement(QueryClientProvider, { client: queryClient, children });
}

/**
 * The query cache of one signed-in user: a new `userId` remounts the subtree with a fresh client,
 * so nothing cached for one user is shown to the next.
 */
export function QueryProvider({
  userId,
  children,
}: {
  userId: number | string;
  children: ReactNode;
}) {
  return createElement(UserQueryScope, { key: String(userId), children });
}
