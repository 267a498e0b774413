// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReceptionBridge } from '../../../shared/contract/bridge';
import { call, onStreamResync, subscribe } from './client';

const ok = () => new Response(JSON.stringify({ ok: true, value: null }), { status: 200 });

function stubFetch(impl: () => Promise<Response> = () => Promise.resolve(ok())) {
  const fetchMock = vi.fn((_url: string, _init: RequestInit) => impl());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const keyOf = (init: RequestInit | undefined) =>
  (init?.headers as Record<string, string> | undefined)?.['Idempotency-Key'];

afterEach(() => {
  vi.unstubAllGlobals();
  delete window.receptionApi;
});

describe('call: idempotency keys', () => {
  // Reads carry one too: main keys writes only, and the renderer need not know which ops write.
  it('sends a fresh Idempotency-Key with every call', async () => {
    const fetchMock = stubFetch();
    await call('requests.cancel', { id: 1, version: 1, reason: 'x' });
    await call('requests.cancel', { id: 1, version: 1, reason: 'x' });
    await call('settings.get', {});
    const [first, second, read] = fetchMock.mock.calls.map(([, init]) => keyOf(init));
    expect(first).toMatch(/^[\x21-\x7e]{16,128}$/);
    expect(second).toMatch(/^[\x21-\x7e]{16,128}$/);
    expect(second).not.toBe(first);
    expect(read).toMatch(/^[\x21-\x7e]{16,128}$/);
    expect(read).not.toBe(second);
  });

  it('retries a write whose connection failed with the same key', async () => {
    let attempts = 0;
    const fetchMock = stubFetch(() => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject(new TypeError('Failed to fetch'))
        : Promise.resolve(ok());
    });
    const result = await call('requests.cancel', { id: 1, version: 1, reason: 'x' });
    expect(result).toEqual({ ok: true, value: null });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const keys = fetchMock.mock.calls.map(([, init]) => keyOf(init));
    expect(keys[0]).toBeDefined();
    expect(keys[1]).toBe(keys[0]);
  });

  it('uses the key the caller passes', async () => {
    const fetchMock = stubFetch();
    await call('requests.cancel', { id: 1, version: 1, reason: 'x' }, { idempotencyKey: 'mine-1' });
    expect(keyOf(fetchMock.mock.calls[0]?.[1])).toBe('mine-1');
  });

  it('hands the key to the Electron bridge beside the input', async () => {
    const invoke = vi.fn<ReceptionBridge['invoke']>(() =>
      Promise.resolve({ ok: true, value: null }),
    );
    window.receptionApi = { invoke, subscribe: () => () => undefined };
    await call('requests.cancel', { id: 1, version: 1, reason: 'x' });
    await call('settings.get', {});
    const write = invoke.mock.calls[0];
    expect(write?.[2]?.idempotencyKey).toMatch(/^[\x21-\x7e]{16,128}$/);
    expect(invoke.mock.calls[1]?.[0]).toBe('settings.get');
    expect(invoke.mock.calls[1]?.[2]?.idempotencyKey).toMatch(/^[\x21-\x7e]{16,128}$/);
  });
});

/** A stand-in for the browser's EventSource: the test plays the server's frames. */
class FakeSource extends EventTarget {
  static opened: FakeSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeSource.opened.push(this);
  }
  close() {
    this.closed = true;
  }
  emit(name: string, data = '{}') {
    this.dispatchEvent(new MessageEvent(name, { data }));
  }
}

describe('event stream: resync', () => {
  it('tells its listeners when the server could not replay, on the one shared stream', () => {
    FakeSource.opened = [];
    vi.stubGlobal('EventSource', FakeSource);
    const resyncs = vi.fn();
    const events = vi.fn();
    const stopResync = onStreamResync(resyncs);
    const stopEvents = subscribe('notifications.created', events);
    expect(FakeSource.opened).toHaveLength(1);
    const source = FakeSource.opened[0]!;
    source.emit('resync');
    expect(resyncs).toHaveBeenCalledTimes(1);
    expect(events).not.toHaveBeenCalled();
    stopResync();
    source.emit('resync');
    expect(resyncs).toHaveBeenCalledTimes(1);
    expect(source.closed).toBe(false); // still used by the event subscriber
    stopEvents();
    expect(source.closed).toBe(true);
  });
});
