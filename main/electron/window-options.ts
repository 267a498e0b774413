/**
 * Everything security-relevant about the desktop window, as pure data and predicates, so tests
 * can assert each option without launching Electron. Only `import type` from 'electron' here:
 * requiring the real module outside an Electron process throws (or tries to download it).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '接待管理';

/** The renderer's Content-Security-Policy: one constant for the window and the HTTP server. */
export { CSP } from '../core/csp';

/**
 * Hosts the app may open in the user's real browser (never inside the app window). Deliberately
 * tiny: a link to anything else is dropped, so a compromised or buggy page cannot send a clerk to
 * an arbitrary site. The entry is a placeholder for the company's own help pages (`.example` is a
 * reserved TLD); replace it with the real docs host when there is one. Exact host match only —
 * no subdomain wildcards — and https only.
 */
export const ALLOWED_EXTERNAL_HOSTS: readonly string[] = ['help.reception-manager.example'];

export interface WindowOptionsExtra {
  /** Developer tools; main.ts passes `!app.isPackaged` so installed copies never have them. */
  devTools?: boolean;
  /** Window icon (only matters on Linux in development; installers embed their own). */
  icon?: string;
}

export function browserWindowOptions(
  preloadPath: string,
  extra: WindowOptionsExtra = {},
): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    // Shown on 'ready-to-show' so the clerk never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(extra.icon ? { icon: extra.icon } : {}),
    webPreferences: {
      preload: preloadPath,
      // The renderer is a web page: no Node, its own JS world, and a sandboxed process.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chinese names and addresses would be underlined everywhere; there is nothing to check.
      spellcheck: false,
      devTools: extra.devTools ?? false,
      navigateOnDragDrop: false,
    },
  };
}

export interface TrustOptions {
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); only ever set for unpackaged runs. */
  devServerUrl?: string;
  /** Absolute path of the built renderer's index.html. */
  rendererFile: string;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Compares file-URL paths after decoding, so `%E6%8E%A5…` and `接…` in an install path agree. */
function sameFilePath(a: URL, b: URL): boolean {
  let pa: string;
  let pb: string;
  try {
    pa = decodeURIComponent(a.pathname);
    pb = decodeURIComponent(b.pathname);
  } catch {
    return false; // malformed %-escape: not a URL we produced
  }
  // Windows paths (`/C:/…`) are case-insensitive; everything else compares exactly.
  const windows = /^\/[A-Za-z]:\//;
  if (windows.test(pa) && windows.test(pb)) return pa.toLowerCase() === pb.toLowerCase();
  return pa === pb;
}

/**
 * True only for the app's own page: the built index.html over file:// (any query or #route), or,
 * in development, a page from the dev server's exact origin. Everything else — other files,
 * other hosts, data:, javascript:, blob: — is untrusted.
 */
export function isTrustedRendererUrl(url: string, options: TrustOptions): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'file:') {
    const expected = pathToFileURL(path.resolve(options.rendererFile));
    return parsed.host === expected.host && sameFilePath(parsed, expected);
  }
  if (options.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    const dev = parseUrl(options.devServerUrl);
    return dev !== null && parsed.origin === dev.origin;
  }
  return false;
}

/** The window never leaves the app's own page (links to allowed hosts open in the browser). */
export function shouldBlockNavigation(url: string, options: TrustOptions): boolean {
  return !isTrustedRendererUrl(url, options);
}

/** May this URL be handed to the system browser (`shell.openExternal`)? */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  // Credentials or an explicit port mean someone is dressing up a different destination.
  if (parsed.username || parsed.password || parsed.port) return false;
  return ALLOWED_EXTERNAL_HOSTS.includes(parsed.hostname.toLowerCase());
}
