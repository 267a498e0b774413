import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hardenWebContents, type HardenOptions } from './harden';
import { ALLOWED_EXTERNAL_HOSTS, CSP } from './window-options';

const rendererFile = path.resolve('/app/out/renderer/index.html');
const OWN = pathToFileURL(rendererFile).href;
const HELP = `https://${ALLOWED_EXTERNAL_HOSTS[0] ?? ''}/guide`;

type Fn = (...args: never[]) => unknown;

/** Records what harden() installs so each handler can be called like Electron would. */
function fakes() {
  const session = {
    request: undefined as Fn | undefined,
    check: undefined as Fn | undefined,
    device: undefined as Fn | undefined,
    headers: undefined as Fn | undefined,
    setPermissionRequestHandler(fn: Fn) {
      this.request = fn;
    },
    setPermissionCheckHandler(fn: Fn) {
      this.check = fn;
    },
    setDevicePermissionHandler(fn: Fn) {
      this.device = fn;
    },
    webRequest: {
      onHeadersReceived: (fn: Fn) => {
        session.headers = fn;
      },
    },
  };
  const contents = Object.assign(new EventEmitter(), {
    session,
    openHandler: undefined as ((d: { url: string }) => { action: string }) | undefined,
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      this.openHandler = fn;
    },
  });
  return { session, contents };
}

function setup(cspHeader = true) {
  const { session, contents } = fakes();
  const openExternal = vi.fn(() => Promise.resolve());
  const options: HardenOptions = { trust: { rendererFile }, openExternal, cspHeader };
  hardenWebContents(contents as unknown as WebContents, options);
  return { session, contents, openExternal, options };
}

function navigate(contents: EventEmitter, name: string, url: string) {
  const event = { preventDefault: vi.fn(), url };
  contents.emit(name, event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('hardenWebContents', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('denies every new window, opening only allowlisted https links externally', () => {
    const { contents, openExternal } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (const url of [HELP, 'https://example.com/', OWN, 'javascript:alert(1)']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([[HELP]]);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: stays on the app’s own page',
    (name) => {
      const { contents } = setup();
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      expect(navigate(contents, name, `${OWN}#/login`)).toBe(false);
      for (const url of [
        'https://example.com/',
        'http://localhost:5173/',
        'data:text/html,x',
        pathToFileURL('/etc/hosts').href,
        HELP,
      ]) {
        expect(navigate(contents, name, url), url).toBe(true);
      }
    },
  );

  it('opens an allowlisted link in the system browser once, not in the window', () => {
    const { contents, openExternal } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Electron fires both events for one main-frame navigation.
    expect(navigate(contents, 'will-navigate', HELP)).toBe(true);
    expect(navigate(contents, 'will-frame-navigate', HELP)).toBe(true);
    navigate(contents, 'will-navigate', 'https://example.com/');
    expect(openExternal.mock.calls).toEqual([[HELP]]);
  });

  it('refuses <webview>', () => {
    const { contents } = setup();
    expect(navigate(contents, 'will-attach-webview', 'about:blank')).toBe(true);
  });

  it('denies every permission request and check', () => {
    const { session } = setup();
    const callback = vi.fn();
    (session.request as (...a: unknown[]) => void)(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((session.check as () => boolean)()).toBe(false);
    expect((session.device as () => boolean)()).toBe(false);
  });

  it('adds the CSP header unless the dev server is in use', () => {
    const { session } = setup(true);
    const callback = vi.fn();
    (session.headers as (...a: unknown[]) => void)({ responseHeaders: { A: ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { A: ['1'], 'Content-Security-Policy': [CSP] },
    });
    expect(setup(false).session.headers).toBeUndefined();
  });

  it('is idempotent per webContents', () => {
    const { contents, options } = setup();
    const before = contents.listenerCount('will-navigate');
    hardenWebContents(contents as unknown as WebContents, options);
    expect(contents.listenerCount('will-navigate')).toBe(before);
    expect(before).toBe(1);
  });
});
