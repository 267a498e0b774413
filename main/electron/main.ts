/**
 * The desktop shell: one window on one database, the dispatcher behind IPC. Everything the
 * window may do is decided in window-options.ts / harden.ts; this file only wires it up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, shell } from 'electron';
import { createApp, type RunningApp } from '../app';
import { createRemoteClient, type RemoteClient } from '../client';
import { readConnection, setAsideConnection } from './connection';
import { DatabaseInUseError } from '../db/lock';
import { DatabaseTooNewError } from '../db/migrate';
import { hardenWebContents, type HardenOptions } from './harden';
import { registerIpc, type DesktopNotice, type IpcRegistration } from './ipc';
import { registerRemoteIpc } from './remote-ipc';
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

// out/main/index.js → out/renderer/index.html and out/preload/index.cjs.
const rendererFile = path.join(__dirname, '../renderer/index.html');
const preloadFile = path.join(__dirname, '../preload/index.cjs');
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
  load.catch((e: unknown) => {
    const message =
      `${devServerUrl ?? rendererFile}\n\n${e instanceof Error ? e.message : String(e)}\n\n` +
      'The user interface could not be loaded. Run "npm run build" (or "npm start").';
    console.error(message);
    dialog.showErrorBox('界面加载失败', message);
    // The database is open by now: quit normally so will-quit closes it.
    exitCode = 1;
    app.quit();
  });
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

function start(): void {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  app.setAboutPanelOptions({
    applicationName: WINDOW_TITLE,
    applicationVersion: app.getVersion(),
    copyright: 'Reception Manager',
  });

  const userData = app.getPath('userData');
  const choice = readConnection(userData);
  if (choice.kind === 'unreadable') {
    // Not guessed at: a damaged setting must not send the front desk's work to the wrong place.
    const aside = setAsideConnection(userData, Date.now());
    const answer = dialog.showMessageBoxSync({
      type: 'warning',
      title: '连接设置无法读取',
      message: '连接设置无法读取，已另存。本次只在本机使用，还是退出后请系统管理员检查？',
      detail: `${choice.reason}

${aside ?? ''}`,
      buttons: ['只在本机使用', '退出'],
      defaultId: 1,
      cancelId: 1,
    });
    if (answer !== 0) {
      app.exit(1);
      return;
    }
  }
  if (choice.kind === 'chosen' && choice.connection.mode === 'server') {
    // The company's server: no database here, no scheduler (the server runs the reminders).
    const c = choice.connection;
    try {
      remote = createRemoteClient({
        origin: c.origin,
        ...(c.pinnedCertPem ? { pinnedCertPem: c.pinnedCertPem } : {}),
        ...(c.pinnedFingerprint256 ? { pinnedFingerprint256: c.pinnedFingerprint256 } : {}),
        onStatus: (status, detail) =>
          console.log(
            `server ${c.origin}: ${status}${detail.error ? ` (${detail.error.message})` : ''}`,
          ),
      });
    } catch (e) {
      fatal(
        '连接设置有误',
        `${c.origin}

${e instanceof Error ? e.message : String(e)}`,
      );
      return;
    }
    ipc = registerRemoteIpc({ ipcMain, remote, trust, desktopNotify: showNotice });
  } else {
    // "只在本机使用" — also with no setting yet (the first-run choice screen is to come).
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
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
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
