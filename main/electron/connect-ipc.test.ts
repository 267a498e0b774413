import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import {
  CONNECT_CHOOSE_CHANNEL,
  CONNECT_PROBE_CHANNEL,
  languageFromArgv,
} from './connect-channels';
import type { ConnectFlow } from './connect-flow';
import { registerConnectIpc } from './connect-ipc';
import { connectLanguage, connectWindowOptions } from './connect-options';
import { FakeContents, FakeIpcMain } from './fake-ipc';
import type { IpcMainLike } from './ipc';
import { browserWindowOptions } from './window-options';

/**
 * The choice window's IPC (issue 14): only its own page may ask, nothing oversized passes, and
 * what passes reaches the flow unchanged. Its window is the app window's, hardened the same way,
 * with its own preload and language.
 */

const pageFile = path.resolve('/app/out/renderer/connect.html');
const OWN = pathToFileURL(pageFile).href;
const APP_PAGE = pathToFileURL(path.resolve('/app/out/renderer/index.html')).href;

function setup() {
  const ipc = new FakeIpcMain();
  const flow = {
    probe: vi.fn(() => Promise.resolve({ ok: false, problem: 'unreachable' } as const)),
    choose: vi.fn(() => Promise.resolve({ ok: true } as const)),
    chosen: new Promise(() => undefined),
  } satisfies ConnectFlow;
  const registration = registerConnectIpc({
    ipcMain: ipc as unknown as IpcMainLike,
    trust: { rendererFile: pageFile },
    flow,
  });
  const call = (channel: string, url: string | null, arg: unknown) =>
    ipc.handlers.get(channel)?.(
      { sender: new FakeContents(), senderFrame: url === null ? null : { url } },
      arg,
    );
  return { ipc, flow, registration, call };
}

describe('the choice window’s IPC', () => {
  it('passes what its own page asks to the flow', async () => {
    const { flow, call } = setup();
    expect(await call(CONNECT_PROBE_CHANNEL, OWN, 'reception.test:8443')).toEqual({
      ok: false,
      problem: 'unreachable',
    });
    expect(flow.probe).toHaveBeenCalledWith('reception.test:8443');
    expect(await call(CONNECT_CHOOSE_CHANNEL, OWN, { mode: 'local' })).toEqual({ ok: true });
    expect(flow.choose).toHaveBeenCalledWith({ mode: 'local' });
  });

  it.each<[string, string | null]>([
    ['the app’s own page (it has no business here)', APP_PAGE],
    ['another site', 'https://evil.example/connect.html'],
    ['another file', pathToFileURL(path.resolve('/tmp/connect.html')).href],
    ['a frame that navigated away', null],
  ])('refuses %s', async (_what, url) => {
    const { flow, call } = setup();
    expect(await call(CONNECT_PROBE_CHANNEL, url, 'reception.test')).toEqual({
      ok: false,
      problem: 'refused',
    });
    expect(await call(CONNECT_CHOOSE_CHANNEL, url, { mode: 'local' })).toEqual({
      ok: false,
      problem: 'refused',
    });
    expect(flow.probe).not.toHaveBeenCalled();
    expect(flow.choose).not.toHaveBeenCalled();
  });

  it('refuses a message larger than any request body, before reading it', async () => {
    const { flow, call } = setup();
    const huge = 'x'.repeat(300 * 1024);
    expect(await call(CONNECT_PROBE_CHANNEL, OWN, huge)).toEqual({ ok: false, problem: 'refused' });
    expect(await call(CONNECT_CHOOSE_CHANNEL, OWN, { mode: 'local', pad: huge })).toEqual({
      ok: false,
      problem: 'refused',
    });
    expect(flow.probe).not.toHaveBeenCalled();
    expect(flow.choose).not.toHaveBeenCalled();
  });

  it('removes both handlers when disposed', () => {
    const { ipc, registration } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [CONNECT_CHOOSE_CHANNEL, CONNECT_PROBE_CHANNEL].sort(),
    );
    registration.dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});

describe('the choice window', () => {
  it('has the app window’s security settings, its own preload and its language', () => {
    const options = connectWindowOptions('/app/out/preload/connect-preload.cjs', 'en');
    const app = browserWindowOptions('/app/out/preload/index.cjs');
    const { additionalArguments, preload, ...web } = options.webPreferences ?? {};
    const { preload: appPreload, ...appWeb } = app.webPreferences ?? {};
    expect(web).toEqual(appWeb);
    expect(preload).toBe('/app/out/preload/connect-preload.cjs');
    expect(appPreload).toBe('/app/out/preload/index.cjs');
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(languageFromArgv(additionalArguments ?? [])).toBe('en');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Reception Manager');
    expect(connectWindowOptions('/p.cjs', 'zh-CN').title).toBe('接待管理');
  });

  it.each<[readonly string[], 'zh-CN' | 'en']>([
    [['zh-Hans-CN', 'en-US'], 'zh-CN'],
    [['zh-CN'], 'zh-CN'],
    [['zh-TW'], 'zh-CN'],
    [['ZH'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    [['de-DE'], 'en'],
    [['ja'], 'en'],
    [[], 'zh-CN'],
    [[''], 'zh-CN'],
  ])('speaks %j → %s (Chinese first)', (system, language) => {
    expect(connectLanguage(system)).toBe(language);
  });

  it.each<[string[], 'zh-CN' | 'en']>([
    [['/app/electron', '--rm-connect-language=en'], 'en'],
    [['--rm-connect-language=zh-CN'], 'zh-CN'],
    [['--rm-connect-language=fr'], 'zh-CN'],
    [[], 'zh-CN'],
  ])('the preload reads its language from %j', (argv, language) => {
    expect(languageFromArgv(argv)).toBe(language);
  });

  // Loaded over file:// like index.html, which gets no headers: the <meta> CSP is all it has.
  it('renderer/connect.html carries the same Content-Security-Policy as index.html', () => {
    const csp = (file: string) =>
      /<meta[^>]*Content-Security-Policy[^>]*content="([^"]*)"/i.exec(
        fs.readFileSync(path.resolve(__dirname, '../../renderer', file), 'utf8'),
      )?.[1];
    expect(csp('connect.html')).toBeDefined();
    expect(csp('connect.html')).toBe(csp('index.html'));
  });
});
