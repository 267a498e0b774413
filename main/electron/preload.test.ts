import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReceptionBridge } from '../../shared/contract/bridge';
import type { EventName, OperationName } from '../../shared/contract/names';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SUBSCRIBE_CHANNEL, UNSUBSCRIBE_CHANNEL } from './channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for the two Electron modules a sandboxed preload may use. */
function fakeElectron() {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Listener[]>();
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'from main' })),
    send: vi.fn(),
    on: vi.fn((channel: string, fn: Listener) => {
      listeners.set(channel, [...(listeners.get(channel) ?? []), fn]);
    }),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const fn of listeners.get(channel) ?? []) fn({ sender: 'secret' }, ...args);
  };
  return { exposed, ipcRenderer, contextBridge, emit, listeners };
}

// The mocked module reads the current fake on every access, so each test gets a fresh one.
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

let fake: ReturnType<typeof fakeElectron>;
let api: ReceptionBridge;

beforeEach(async () => {
  vi.resetModules();
  fake = fakeElectron();
  electron.current = fake;
  await import('./preload');
  api = fake.exposed.get('receptionApi') as ReceptionBridge;
});

describe('preload (source)', () => {
  it('exposes exactly invoke and subscribe on receptionApi, frozen', () => {
    expect([...fake.exposed.keys()]).toEqual(['receptionApi']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards contract operations to main and refuses anything else', async () => {
    expect(await api.invoke('setup.status', { a: 1 })).toEqual({ ok: true, value: 'from main' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, 'setup.status', { a: 1 });

    const refused = await api.invoke('fs.readFile' as OperationName, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('turns a failed IPC call into an error value instead of a rejection', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('no handler'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await api.invoke('setup.status', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });

  it('subscribes once per event name, hands callbacks the payload only', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.subscribe('notifications.created', a);
    const offB = api.subscribe('notifications.created', b);
    expect(fake.ipcRenderer.send.mock.calls).toEqual([
      [SUBSCRIBE_CHANNEL, 'notifications.created'],
    ]);

    fake.emit(EVENT_CHANNEL, 'notifications.created', { n: 1 });
    fake.emit(EVENT_CHANNEL, 'users.secret', { n: 2 });
    expect(a.mock.calls).toEqual([[{ n: 1 }]]);
    expect(b.mock.calls).toEqual([[{ n: 1 }]]);

    offA();
    offA();
    fake.emit(EVENT_CHANNEL, 'notifications.created', { n: 3 });
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    offB();
    expect(fake.ipcRenderer.send.mock.calls.at(-1)).toEqual([
      UNSUBSCRIBE_CHANNEL,
      'notifications.created',
    ]);
  });

  it('refuses event names outside the contract', () => {
    expect(() => api.subscribe('users.secret' as EventName, () => {})).toThrow(TypeError);
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
  });
});

// The built file is what Electron loads. A sandboxed preload may require('electron') and
// nothing else, so run it with a require that refuses every other module.
const built = path.resolve(__dirname, '../../out/preload/index.cjs');
describe.runIf(fs.existsSync(built))('preload (built out/preload/index.cjs)', () => {
  it('is one self-contained file that only requires electron', () => {
    const code = fs.readFileSync(built, 'utf8');
    const requested: string[] = [];
    const sandboxRequire = (id: string) => {
      requested.push(id);
      if (id !== 'electron') throw new Error(`sandboxed preload cannot require ${id}`);
      return fake;
    };
    const fresh = fakeElectron();
    fake = fresh;
    const module = { exports: {} };
    // Evaluated like Node would wrap a CJS file, with our restricted require.
    new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
    expect(requested).toEqual(['electron']);
    expect(Object.keys(fresh.exposed.get('receptionApi') as object).sort()).toEqual([
      'invoke',
      'subscribe',
    ]);
  });
});
