/**
 * The first-run choice window (issue 14), the Electron glue only: a window with its own preload
 * on connect.html, the two IPC handlers (connect-ipc.ts) and the flow (connect-flow.ts) over the
 * real probe, health check and connection.json. Everything that decides is in those modules.
 */
import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import { probe } from '../client';
import { checkHealth } from './connect-health';
import { createConnectFlow } from './connect-flow';
import { registerConnectIpc } from './connect-ipc';
import { connectLanguage, connectWindowOptions } from './connect-options';
import { writeConnection, type Connection } from './connection';
import type { TrustOptions, WindowOptionsExtra } from './window-options';

export interface ConnectWindowOptions {
  userData: string;
  /** out/preload/connect-preload.cjs */
  preloadFile: string;
  /** out/renderer/connect.html */
  pageFile: string;
  /** electron-vite's dev server, in unpackaged runs only. */
  devServerUrl?: string;
  /** The system's preferred languages, first first. */
  systemLanguages: readonly string[];
  extra?: WindowOptionsExtra;
  /** The page could not be loaded (not built): the caller explains and quits. */
  onLoadFailed: (target: string, error: unknown) => void;
  /** The app's rules for every webContents (harden.ts): no navigation, no new windows, no permissions. */
  harden: (contents: WebContents) => void;
}

export interface ConnectWindow {
  readonly window: BrowserWindow;
  /** The saved choice; null when the window was closed without one. */
  readonly chosen: Promise<Connection | null>;
  /** Closes the window (after the app's window is up, so the app never has no window). */
  close(): void;
}

export function openConnectWindow(options: ConnectWindowOptions): ConnectWindow {
  const pageUrl = options.devServerUrl
    ? new URL('connect.html', options.devServerUrl).href
    : undefined;
  // Its own page is the only one trusted on its channels; the app's page is not, nor the reverse.
  const trust: TrustOptions = options.devServerUrl
    ? { rendererFile: options.pageFile, devServerUrl: options.devServerUrl }
    : { rendererFile: options.pageFile };
  const flow = createConnectFlow({
    probe: (origin) => probe(origin),
    checkHealth: (origin, pin) => checkHealth(origin, pin),
    save: (connection) => writeConnection(options.userData, connection),
    now: Date.now,
  });
  const registration = registerConnectIpc({ ipcMain, trust, flow });

  const language = connectLanguage(options.systemLanguages);
  const win = new BrowserWindow(
    connectWindowOptions(options.preloadFile, language, options.extra ?? {}),
  );
  options.harden(win.webContents);
  win.removeMenu();
  win.once('ready-to-show', () => win.show());

  const closed = new Promise<null>((resolve) => win.once('closed', () => resolve(null)));
  const chosen = Promise.race([flow.chosen, closed]).finally(() => registration.dispose());

  const load = pageUrl ? win.loadURL(pageUrl) : win.loadFile(options.pageFile);
  load.catch((e: unknown) => options.onLoadFailed(pageUrl ?? options.pageFile, e));

  return {
    window: win,
    chosen,
    close() {
      if (!win.isDestroyed()) win.close();
    },
  };
}
