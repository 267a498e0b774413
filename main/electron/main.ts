/**
 * The desktop shell: one window on one database, the dispatcher behind IPC. Everything the
 * window may do is decided in window-options.ts / harden.ts; this file only wires it up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, shell } from 'electron';
import { createApp, type RunningApp } from '../app';
import { createRemoteClient, type RemoteClient } from '../client';
import { openConnectWindow, type ConnectWindow } from './connect-window';
import { readConnection, setAsideConnection, type Connection } from './connection';
import { DatabaseInUseError } from '../db/lock';
import { DatabaseTooNewError } from '../db/migrate';
import { hardenWebContents, type HardenOptions } from './harden';
import { registerIpc, type DesktopNotice, type IpcRegistration } from './ipc';
import { registerRemoteIpc, type RemoteIpcRegistration } from './remote-ipc';
import { startScheduler, type Scheduler } from '../scheduler';
import { menuTemplate } from './menu';
import { missingNativeMessage, nativeBindingPath } from './native-binding';
import { browserWindowOptions, WINDOW_TITLE, type TrustOptions } from './window-options';

const APP_ID = 'com.reception-manager.app';
const DB_FILE_NAME = 'reception.db';

// Tests (and an administrator who keeps data elsewhere) can move the data folder. This must
// happen before 'ready' and before the single-instance lock, which lives in userData — so two
// test runs with different folders do not block each other.
const userDataOverride = process.env.RM_USER_DATA;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Sandbox every renderer, even one created by a future code path that forgets the option.
app.enableSandbox();

// out/main/index.js → out/renderer/index.html and out/preload/index.cjs; the first-run choice
// window's page and preload beside them.
const rendererFile = path.join(__dirname, '../renderer/index.html');
const preloadFile = path.join(__dirname, '../preload/index.cjs');
const connectPageFile = path.join(__dirname, '../renderer/connect.html');
const connectPreloadFile = path.join(__dirname, '../preload/connect-preload.cjs');
// An installed copy never loads a page named by an environment variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const trust: TrustOptions = devServerUrl ? { rendererFile, devServerUrl } : { rendererFile };
const hardenOptions: HardenOptions = {
  trust,
  openExternal: (url) => shell.openExternal(url),
  cspHeader: !devServerUrl,
};

let running: RunningApp | null = null;
/** Client mode (connection.json says `server`): the office server instead of a database. */
let remote: RemoteClient | null = null;
let ipc: IpcRegistration | null = null;
let scheduler: Scheduler | null = null;
let mainWindow: BrowserWindow | null = null;
/** The first-run choice, while it is shown (no connection.json, or one that could not be read). */
let connectWindow: ConnectWindow | null = null;
/** Client mode's IPC, which also tells the window how the server connection stands. */
let remoteIpc: RemoteIpcRegistration | null = null;
/** Set when the app ends because of an error, so `npm start` and scripts see a failure. */
let exitCode = 0;

/** Explains, then exits with a failure code (no window exists yet, nothing to save). */
function fatal(title: string, message: string): void {
  console.error(`${title}\n${message}`);
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function openDatabase(): RunningApp | null {
  const nativeBinding = nativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appRoot: app.getAppPath(),
    electronVersion: process.versions.electron,
  });
  if (!fs.existsSync(nativeBinding)) {
    fatal('接待管理无法启动', missingNativeMessage(nativeBinding, app.isPackaged));
    return null;
  }
  const dbFile = path.join(app.getPath('userData'), DB_FILE_NAME);
  try {
    return createApp(dbFile, { nativeBinding });
  } catch (e) {
    if (e instanceof DatabaseTooNewError) {
      // Migrations refuse before changing anything; we only explain and leave.
      fatal(
        '数据库版本过新',
        `此数据库由更新版本的接待管理创建（数据库版本 ${e.found}，本程序最高支持 ${e.supported}）。` +
          `请安装最新版本的接待管理。数据库没有被修改。\n\n${e.message}\n\n数据库：${dbFile}`,
      );
      return null;
    }
    if (e instanceof DatabaseInUseError) {
      // Another process (a browser-mode server, or a copy started with another userData that
      // points here) has the file; the single-instance lock below covers a second launch.
      fatal('数据库正被其他程序使用', `${e.messageZh}\n\n${e.message}\n\n数据库：${dbFile}`);
      return null;
    }
    const message = e instanceof Error ? e.message : String(e);
    // A binary for the wrong runtime says "compiled against a different Node.js version".
    const hint = /NODE_MODULE_VERSION|did not self-register/.test(message)
      ? '\n\n数据库组件与 Electron 版本不匹配。Run "npm run check:native", then "npm start".'
      : '';
    fatal('无法打开数据库', `${dbFile}\n\n${message}${hint}`);
    return null;
  }
}

function devIcon(): string | undefined {
  // Installers embed their own icon; only an unpackaged run on Linux needs one named here.
  if (app.isPackaged || process.platform !== 'linux') return undefined;
  const icon = path.join(app.getAppPath(), 'assets', 'icon.png');
  return fs.existsSync(icon) ? icon : undefined;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(
    browserWindowOptions(preloadFile, { devTools: !app.isPackaged, icon: devIcon() }),
  );
  hardenWebContents(win.webContents, hardenOptions);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const load = devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererFile);
  // The database is open by now: loadFailed quits normally so will-quit closes it.
  load.catch((e: unknown) => loadFailed(devServerUrl ?? rendererFile, e));
  return win;
}

/** A desktop notification for the signed-in user of the window; a click brings the window up. */
function showNotice(notice: DesktopNotice): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification({ title: notice.title, body: notice.body });
  shown.on('click', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  shown.show();
}

/** A page of the app could not be loaded (not built): explain, then quit with a failure code. */
function loadFailed(target: string, e: unknown): void {
  const message =
    `${target}\n\n${e instanceof Error ? e.message : String(e)}\n\n` +
    'The user interface could not be loaded. Run "npm run build" (or "npm start").';
  console.error(message);
  dialog.showErrorBox('界面加载失败', message);
  exitCode = 1;
  app.quit();
}

function start(): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.setAboutPanelOptions({
    applicationName: WINDOW_TITLE,
    applicationVersion: app.getVersion(),
    copyright: 'Reception Manager',
  });

  const userData = app.getPath('userData');
  const read = readConnection(userData);
  if (read.kind === 'chosen') {
    openApp(read.connection);
    return;
  }
  if (read.kind === 'unreadable') {
    // Not guessed at: a damaged setting must not send the front desk's work to the wrong place.
    // The file is kept under another name and the choice is asked again.
    const aside = setAsideConnection(userData, Date.now());
    console.warn(`connection settings unreadable (${read.reason}); kept as ${aside ?? '-'}`);
  }
  chooseConnection(userData);
}

/**
 * The first-run choice (issue 14): its own window, page and preload (connect-window.ts). Once the
 * choice is saved the app opens as it would have with that connection.json; the choice window
 * closes when the app's window is ready to show, so the app is never without a window (which
 * would end it: window-all-closed). Closed without a choice, it was the last window: the app ends.
 */
function chooseConnection(userData: string): void {
  const connect = openConnectWindow({
    userData,
    preloadFile: connectPreloadFile,
    pageFile: connectPageFile,
    ...(devServerUrl ? { devServerUrl } : {}),
    systemLanguages: app.getPreferredSystemLanguages(),
    extra: { devTools: !app.isPackaged, icon: devIcon() },
    onLoadFailed: loadFailed,
    harden: (contents) => hardenWebContents(contents, hardenOptions),
  });
  connectWindow = connect;
  connect.window.on('closed', () => {
    if (connectWindow === connect) connectWindow = null;
  });
  connect.chosen
    .then((connection) => {
      if (!connection) return;
      openApp(connection);
      if (mainWindow) mainWindow.once('ready-to-show', () => connect.close());
      else connect.close();
    })
    .catch((e: unknown) => fatal('接待管理无法启动', e instanceof Error ? e.message : String(e)));
}

/** The app on the chosen connection: the office server (client mode) or the database here. */
function openApp(connection: Connection): void {
  if (connection.mode === 'server') {
    // The company's server: no database here, no scheduler (the server runs the reminders).
    const c = connection;
    try {
      remote = createRemoteClient({
        origin: c.origin,
        ...(c.pinnedCertPem ? { pinnedCertPem: c.pinnedCertPem } : {}),
        ...(c.pinnedFingerprint256 ? { pinnedFingerprint256: c.pinnedFingerprint256 } : {}),
        onStatus: (status, detail) => {
          console.log(
            `server ${c.origin}: ${status}${detail.error ? ` (${detail.error.message})` : ''}`,
          );
          // The window's strip (renderer/src/layout/ConnectionStrip.tsx).
          remoteIpc?.statusChanged(status);
        },
      });
    } catch (e) {
      fatal(
        '连接设置有误',
        `${c.origin}

${e instanceof Error ? e.message : String(e)}`,
      );
      return;
    }
    remoteIpc = registerRemoteIpc({ ipcMain, remote, trust, desktopNotify: showNotice });
    ipc = remoteIpc;
  } else {
    // "只在本机使用".
    running = openDatabase();
    if (!running) return;
    ipc = registerIpc({ ipcMain, app: running, trust, desktopNotify: showNotice });
    // Task reminders every 30 s on the app's clock (main/scheduler.ts).
    scheduler = startScheduler(running);
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        packaged: app.isPackaged,
        platform: process.platform,
        onAbout: () => app.showAboutPanel(),
      }),
    ),
  );
  mainWindow = createWindow();
}

// Every webContents, including any a bug or a library might create later, gets the same rules.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, hardenOptions));

// One database, one writer: a second launch focuses the existing window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    // While the first-run choice is open, it is the window to come back to.
    const win = mainWindow ?? connectWindow?.window;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  // The front desk has one window; closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());
  // Close the database cleanly (WAL checkpoint) before the process ends.
  app.on('will-quit', (event) => {
    if (remote) {
      // Client mode: nothing local to close but the connection (no write is queued in it).
      event.preventDefault();
      ipc?.dispose();
      ipc = null;
      remoteIpc = null;
      remote.close();
      remote = null;
      app.exit(exitCode);
      return;
    }
    const db = running;
    if (!db) return;
    event.preventDefault();
    running = null;
    ipc?.dispose();
    ipc = null;
    const stopping = scheduler?.stop() ?? Promise.resolve();
    scheduler = null;
    stopping
      .then(() => db.close())
      .catch((e: unknown) => console.error('closing the database failed', e))
      // Windows are gone and the database is closed: nothing else to wait for.
      .finally(() => app.exit(exitCode));
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fatal('接待管理无法启动', e instanceof Error ? e.message : String(e)));
}
