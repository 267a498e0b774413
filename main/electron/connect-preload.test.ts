import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectBridge, ConnectChoice } from '../../shared/contract/connect-window';
import { CONNECT_CHOOSE_CHANNEL, CONNECT_PROBE_CHANNEL } from './connect-channels';

/** The choice window's preload (issue 14), run against a stand-in 'electron'. */

function fakeElectron() {
  const exposed = new Map<string, unknown>();
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve({ ok: true })),
    send: vi.fn(),
    on: vi.fn(),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
  };
  return { exposed, ipcRenderer, contextBridge };
}

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
let api: ConnectBridge;

async function load(argv: string[] = []) {
  vi.resetModules();
  fake = fakeElectron();
  electron.current = fake;
  const before = process.argv;
  process.argv = [...before, ...argv];
  try {
    await import('./connect-preload');
  } finally {
    process.argv = before;
  }
  api = fake.exposed.get('connectApi') as ConnectBridge;
}

beforeEach(() => load());

describe('connect preload', () => {
  it('exposes exactly connectApi with probe, choose and locale, frozen', () => {
    expect([...fake.exposed.keys()]).toEqual(['connectApi']);
    expect(Object.keys(api).sort()).toEqual(['choose', 'locale', 'probe']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(fake.ipcRenderer.send).not.toHaveBeenCalled();
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
  });

  it('speaks the language main gave its renderer, Chinese otherwise', async () => {
    expect(api.locale).toBe('zh-CN');
    await load(['--rm-connect-language=en']);
    expect(api.locale).toBe('en');
  });

  it('sends an address as a string, and nothing that is not one', async () => {
    expect(await api.probe('reception.test:8443')).toEqual({ ok: true });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith(
      CONNECT_PROBE_CHANNEL,
      'reception.test:8443',
    );
    expect(await api.probe({ toString: () => 'x' } as unknown as string)).toEqual({
      ok: false,
      problem: 'refused',
    });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('sends a copy of the choice with its known fields only', async () => {
    const server = {
      mode: 'server',
      origin: 'https://reception.test:8443',
      fingerprint256: 'AB',
      fingerprintConfirmed: true,
      pinnedCertPem: 'a PEM the page made up',
    } as ConnectChoice;
    await api.choose(server);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(CONNECT_CHOOSE_CHANNEL, {
      mode: 'server',
      origin: 'https://reception.test:8443',
      fingerprint256: 'AB',
      fingerprintConfirmed: true,
    });
    await api.choose({ mode: 'local', extra: 1 } as unknown as ConnectChoice);
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(CONNECT_CHOOSE_CHANNEL, {
      mode: 'local',
    });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an unknown mode', { mode: 'cloud' }],
    ['a server without its fingerprint', { mode: 'server', origin: 'https://r.test' }],
    [
      'a confirmation that is not a boolean',
      { mode: 'server', origin: 'x', fingerprint256: 'y', fingerprintConfirmed: 1 },
    ],
  ])('refuses a choice that is %s without asking main', async (_what, choice) => {
    expect(await api.choose(choice as ConnectChoice)).toEqual({ ok: false, problem: 'refused' });
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed IPC call into an answer instead of a rejection', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('no handler'));
    expect(await api.probe('x')).toEqual({ ok: false, problem: 'refused' });
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('no handler'));
    expect(await api.choose({ mode: 'local' })).toEqual({ ok: false, problem: 'refused' });
  });
});
