/**
 * Locks down every webContents the app creates (DESIGN.md §4): no new windows, no navigation
 * away from the app's own page, no <webview>, and every permission (camera, notifications,
 * geolocation, clipboard-read, USB, …) denied — a reception form needs none of them.
 *
 * Electron is only imported as types; `openExternal` is passed in, so tests can check each
 * handler with a fake webContents.
 */
import type { Session, WebContents } from 'electron';
import {
  CSP,
  isAllowedExternalUrl,
  shouldBlockNavigation,
  type TrustOptions,
} from './window-options';

export interface HardenOptions {
  trust: TrustOptions;
  /** `shell.openExternal`: used only for URLs that pass `isAllowedExternalUrl`. */
  openExternal: (url: string) => Promise<void>;
  /**
   * Add the CSP as a response header too (belt and braces next to the <meta> tag). Off with the
   * dev server, whose hot-reload client needs inline scripts and a websocket.
   */
  cspHeader: boolean;
}

type Preventable = { preventDefault(): void };

const hardenedContents = new WeakSet<object>();
const hardenedSessions = new WeakSet<object>();

/** Hands a link to the system browser if it is allowlisted; otherwise drops it. */
function maybeOpenExternal(url: string, options: HardenOptions) {
  if (!isAllowedExternalUrl(url)) {
    console.warn(`blocked link to ${url}`);
    return;
  }
  options.openExternal(url).catch((e: unknown) => console.error(`could not open ${url}`, e));
}

export function hardenSession(session: Session, options: HardenOptions): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  if (options.cspHeader) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] },
      });
    });
  }
}

/** Safe to call more than once for the same contents (main window and web-contents-created). */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);

  // window.open and target=_blank: never a new Electron window; allowlisted https links go to
  // the system browser, where they have no access to IPC.
  contents.setWindowOpenHandler(({ url }) => {
    maybeOpenExternal(url, options);
    return { action: 'deny' };
  });

  const block = (event: Preventable, url: string): boolean => {
    if (!shouldBlockNavigation(url, options.trust)) return false;
    event.preventDefault();
    return true;
  };
  // will-navigate: the main frame (a clicked link without target=_blank). An allowlisted link
  // is opened in the system browser instead — only here, since will-frame-navigate also fires
  // for the same main-frame navigation and would open it twice.
  contents.on('will-navigate', (event, url) => {
    if (block(event, url)) maybeOpenExternal(url, options);
  });
  // Any frame, and server redirects (only possible with the dev server): just refuse.
  contents.on('will-frame-navigate', (event) => {
    block(event, event.url);
  });
  contents.on('will-redirect', (event, url) => {
    block(event, url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());

  hardenSession(contents.session, options);
}
