import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvokeOptions, ReceptionBridge } from '../../shared/contract/bridge';
import { INVOKE_CHANNEL } from './channels';

const electron = vi.hoisted(() => ({
  current: undefined as unknown as { contextBridge: unknown; ipcRenderer: unknown },
}));
vi.mock('electron', () => ({
  get contextBridge() {
    return electron.current.contextBridge;
  },
  get ipcRenderer() {
    return electron.current.ipcRenderer;
  },
}));

let invoke: ReturnType<typeof vi.fn>;
let api: ReceptionBridge;

beforeEach(async () => {
  vi.resetModules();
  const exposed = new Map<string, unknown>();
  invoke = vi.fn(() => Promise.resolve({ ok: true, value: null }));
  electron.current = {
    ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  };
  await import('./preload');
  api = exposed.get('receptionApi') as ReceptionBridge;
});

describe('preload: the idempotency key', () => {
  it('passes a bounded key to main as a fresh third argument', async () => {
    const options = { idempotencyKey: 'abc-123', extra: 'dropped' } as InvokeOptions;
    await api.invoke('departments.create', { name: 'x' }, options);
    expect(invoke).toHaveBeenCalledWith(
      INVOKE_CHANNEL,
      'departments.create',
      { name: 'x' },
      {
        idempotencyKey: 'abc-123',
      },
    );
  });

  it('refuses a key that is not a bounded string, before IPC', async () => {
    for (const key of ['', 'x'.repeat(129), 'a b', 7]) {
      const result = await api.invoke('departments.create', {}, {
        idempotencyKey: key,
      } as InvokeOptions);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });
});
