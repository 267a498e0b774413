// @vitest-environment jsdom
import { QueryClientProvider, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, type EventName } from '../../../shared/contract/names';
import type * as ClientModule from './client';
import { call } from './client';
import {
  EVENT_INVALIDATIONS,
  OpError,
  createQueryClient,
  fetchOp,
  invalidateForEvent,
  opKey,
  useAcceptDossier,
  useEventInvalidation,
  useInfiniteOp,
  useOp,
  useOpMutation,
} from './queries';

// The transport is the boundary: everything above it (React Query included) runs for real.
vi.mock('./client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));
const mockedCall = vi.mocked(call);

const clients: QueryClient[] = [];
function newClient(): QueryClient {
  const client = createQueryClient();
  clients.push(client);
  return client;
}
function wrapperFor(client: QueryClient) {
  return ({ children }: { children: ReactNode }) =>
    createElement(QueryClientProvider, { client, children });
}
const invalidated = (client: QueryClient, key: QueryKey) =>
  client.getQueryState(key)?.isInvalidated ?? false;

afterEach(() => {
  for (const client of clients.splice(0)) client.clear();
  mockedCall.mockReset();
  delete window.receptionApi;
});

describe('EVENT_INVALIDATIONS', () => {
  it('has an entry for every event name', () => {
    expect(Object.keys(EVENT_INVALIDATIONS).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it.each([
    ['a lockout', 'account.locked', true],
    ['a task reminder', 'task.reminder', false],
  ])(
    'notifications.created (%s) invalidates the bell; the users list only for a lockout',
    async (_what, kind, usersToo) => {
      const client = newClient();
      for (const key of [
        opKey('notifications.list', {}),
        opKey('users.list', {}),
        opKey('requests.get', { id: 7 }),
      ]) {
        client.setQueryData(key, { seeded: true });
      }

      await invalidateForEvent(client, 'notifications.created', {
        notification: { kind },
      } as never);

      expect(invalidated(client, opKey('notifications.list', {}))).toBe(true);
      expect(invalidated(client, opKey('users.list', {}))).toBe(usersToo);
      expect(invalidated(client, opKey('requests.get', { id: 7 }))).toBe(false);
    },
  );

  it('approvals.changed invalidates the request it names, not others', async () => {
    const client = newClient();
    const seeded: QueryKey[] = [
      opKey('requests.get', { id: 7 }),
      opKey('requests.get', { id: 8 }),
      opKey('approvals.inbox', {}),
      opKey('approvals.count', {}),
      ['requests.list', { page: 2 }],
      opKey('notifications.list', {}),
    ];
    for (const key of seeded) client.setQueryData(key, { seeded: true });

    await invalidateForEvent(client, 'approvals.changed', { requestId: 7 });

    expect(invalidated(client, opKey('requests.get', { id: 7 }))).toBe(true);
    expect(invalidated(client, opKey('requests.get', { id: 8 }))).toBe(false);
    expect(invalidated(client, opKey('approvals.inbox', {}))).toBe(true);
    expect(invalidated(client, opKey('approvals.count', {}))).toBe(true);
    expect(invalidated(client, ['requests.list', { page: 2 }])).toBe(true);
    expect(invalidated(client, opKey('notifications.list', {}))).toBe(false);
  });

  it('system.resync (desktop client mode: events were missed) makes everything stale', async () => {
    const client = newClient();
    const seeded: QueryKey[] = [
      opKey('requests.get', { id: 7 }),
      opKey('notifications.list', {}),
      ['requests.list', { page: 2 }],
    ];
    for (const key of seeded) client.setQueryData(key, { seeded: true });
    await invalidateForEvent(client, 'system.connection', { status: 'offline' });
    for (const key of seeded) expect(invalidated(client, key)).toBe(false);
    await invalidateForEvent(client, 'system.resync', {});
    for (const key of seeded) expect(invalidated(client, key)).toBe(true);
  });

  it('useEventInvalidation subscribes to every event and stops on unmount', () => {
    const listeners = new Map<EventName, (payload: unknown) => void>();
    const stopped: EventName[] = [];
    window.receptionApi = {
      invoke: () => Promise.resolve({ ok: true, value: null }),
      subscribe: (event, cb) => {
        listeners.set(event, cb);
        return () => stopped.push(event);
      },
    };
    const client = newClient();
    client.setQueryData(opKey('notifications.list', {}), { items: [], unread: 0 });

    const { unmount } = renderHook(() => useEventInvalidation(client));
    expect([...listeners.keys()].sort()).toEqual([...EVENT_NAMES].sort());

    listeners.get('notifications.created')?.({ notification: {} });
    expect(invalidated(client, opKey('notifications.list', {}))).toBe(true);

    unmount();
    expect(stopped.sort()).toEqual([...EVENT_NAMES].sort());
  });
});

describe('useInfiniteOp', () => {
  const input = { scope: 'all', sort: 'updated_desc', limit: 2 } as const;
  const cursor = { key: 1_700_000_000_000, id: 2 };
  /** A list of four rows read two at a time; `count` is what the first page says. */
  function serve(count: { n: number }) {
    mockedCall.mockImplementation((async (_op: string, args: { after?: unknown }) => ({
      ok: true,
      value:
        args.after === undefined
          ? {
              items: [{ id: 4 }, { id: 3 }],
              next: cursor,
              total: { count: count.n, atLeast: false },
            }
          : { items: [{ id: 2 }, { id: 1 }], next: null, total: null },
    })) as unknown as typeof call);
  }

  it('reads page after page on the previous next, under [name, input], keeping the first total', async () => {
    serve({ n: 4 });
    const client = newClient();
    const { result, unmount } = renderHook(() => useInfiniteOp('requests.list', input), {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(result.current.items.map((r) => r.id)).toEqual([4, 3]));
    expect(result.current.total).toEqual({ count: 4, atLeast: false });
    expect(result.current.query.hasNextPage).toBe(true);

    await act(() => result.current.query.fetchNextPage());
    await waitFor(() => expect(result.current.items.map((r) => r.id)).toEqual([4, 3, 2, 1]));
    expect(result.current.total).toEqual({ count: 4, atLeast: false });
    expect(result.current.query.hasNextPage).toBe(false);
    expect(mockedCall.mock.calls).toEqual([
      ['requests.list', input],
      ['requests.list', { ...input, after: cursor }],
    ]);
    // The key `useOp` would use, so `opKey(name)` filters reach it.
    expect(client.getQueryState(opKey('requests.list', input))?.status).toBe('success');
    unmount();
  });

  it('an event re-reads every loaded page, from the first, and keeps them all', async () => {
    const count = { n: 4 };
    serve(count);
    const client = newClient();
    const { result, unmount } = renderHook(() => useInfiniteOp('requests.list', input), {
      wrapper: wrapperFor(client),
    });
    await waitFor(() => expect(result.current.query.hasNextPage).toBe(true));
    await act(() => result.current.query.fetchNextPage());
    await waitFor(() => expect(result.current.items).toHaveLength(4));
    mockedCall.mockClear();

    count.n = 5;
    await act(() => invalidateForEvent(client, 'approvals.changed', { requestId: 7 }));

    expect(mockedCall.mock.calls).toEqual([
      ['requests.list', input],
      ['requests.list', { ...input, after: cursor }],
    ]);
    await waitFor(() => expect(result.current.total).toEqual({ count: 5, atLeast: false }));
    expect(result.current.items.map((r) => r.id)).toEqual([4, 3, 2, 1]);
    unmount();
  });
});

describe('useOp', () => {
  it('turns an error result into query.error with its key', async () => {
    mockedCall.mockResolvedValue({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'errors.NOT_FOUND', message: 'Not found.' },
    });
    const client = newClient();
    const { result } = renderHook(() => useOp('requests.get', { id: 7 }), {
      wrapper: wrapperFor(client),
    });

    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toBeInstanceOf(OpError);
    expect(result.current.error?.key).toBe('errors.NOT_FOUND');
    expect(result.current.error?.code).toBe('NOT_FOUND');
    expect(mockedCall).toHaveBeenCalledTimes(1); // typed errors are not retried
    expect(mockedCall).toHaveBeenCalledWith('requests.get', { id: 7 });
  });

  it('returns the value of an ok result', async () => {
    mockedCall.mockResolvedValue({ ok: true, value: { count: 3 } });
    const client = newClient();
    const { result } = renderHook(() => useOp('approvals.count', {}), {
      wrapper: wrapperFor(client),
    });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual({ count: 3 });
  });
});

describe('useOpMutation', () => {
  it('resolves to the error result and invalidates nothing', async () => {
    const error = {
      code: 'INVALID_INPUT' as const,
      key: 'errors.INVALID_INPUT',
      message: 'Check the form.',
      fieldErrors: { reason: { key: 'validation.required' } },
    };
    mockedCall.mockResolvedValue({ ok: false, error });
    const client = newClient();
    client.setQueryData(opKey('requests.get', { id: 7 }), { seeded: true });
    const { result } = renderHook(
      () => useOpMutation('requests.cancel', { invalidates: ['requests.get'] }),
      { wrapper: wrapperFor(client) },
    );

    const r = await result.current.mutateAsync({ id: 7, version: 1, reason: '' });

    expect(r).toEqual({ ok: false, error });
    expect(invalidated(client, opKey('requests.get', { id: 7 }))).toBe(false);
  });

  it('invalidates the listed operations after an ok result', async () => {
    mockedCall.mockResolvedValue({ ok: true, value: null });
    const client = newClient();
    client.setQueryData(opKey('requests.get', { id: 7 }), { seeded: true });
    client.setQueryData(opKey('approvals.inbox', {}), []);
    const { result } = renderHook(
      () => useOpMutation('requests.cancel', { invalidates: ['requests.get'] }),
      { wrapper: wrapperFor(client) },
    );

    const r = await result.current.mutateAsync({ id: 7, version: 1, reason: 'x' });

    expect(r.ok).toBe(true);
    expect(invalidated(client, opKey('requests.get', { id: 7 }))).toBe(true);
    expect(invalidated(client, opKey('approvals.inbox', {}))).toBe(false);
  });
});

describe('useAcceptDossier', () => {
  it('caches the dossier a write returned and marks the lists stale, without a read', async () => {
    const client = newClient();
    client.setQueryData(opKey('requests.get', { id: 7 }), { id: 7, version: 1 });
    client.setQueryData(opKey('approvals.inbox', {}), []);
    client.setQueryData(opKey('notifications.list', {}), { items: [], unread: 0 });
    const { result } = renderHook(() => useAcceptDossier(), { wrapper: wrapperFor(client) });

    const dossier = { id: 7, version: 2 } as unknown as Parameters<typeof result.current>[0];
    result.current(dossier);

    expect(client.getQueryData(opKey('requests.get', { id: 7 }))).toEqual(dossier);
    expect(invalidated(client, opKey('requests.get', { id: 7 }))).toBe(false);
    expect(invalidated(client, opKey('approvals.inbox', {}))).toBe(true);
    expect(invalidated(client, opKey('notifications.list', {}))).toBe(false);
    await waitFor(() => expect(mockedCall).not.toHaveBeenCalled());
  });
});

describe('fetchOp', () => {
  it('reads through the cache and resolves to the Result, errors included', async () => {
    const client = newClient();
    mockedCall.mockResolvedValueOnce({ ok: true, value: { version: 2 } });
    expect(await fetchOp(client, 'policy.get', { version: 2 }, { staleTime: Infinity })).toEqual({
      ok: true,
      value: { version: 2 },
    });
    // A kept answer is not read again.
    await fetchOp(client, 'policy.get', { version: 2 }, { staleTime: Infinity });
    expect(mockedCall).toHaveBeenCalledTimes(1);

    mockedCall.mockResolvedValueOnce({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'errors.NOT_FOUND', message: 'Not found.' },
    });
    const failed = await fetchOp(client, 'policy.get', { version: 9 });
    expect(failed.ok ? null : failed.error.key).toBe('errors.NOT_FOUND');
  });
});
