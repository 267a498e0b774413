/**
 * main.ts wiring, run in Node against a stand-in 'electron' module (the real binary is not
 * available everywhere). The database, migrations and dispatcher are real; the Node build of
 * better-sqlite3 plays the part of the Electron build in `.native/`.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer } from '../server/http';
import { selfSignedCertificate } from '../server/tls';
import { ADMIN, makeTestApp } from '../test-support';
import { INVOKE_CHANNEL } from './channels';
import { writeConnection } from './connection';

const ELECTRON_VERSION = '45.5.0';
const NODE_BUILD = path.resolve(
  __dirname,
  '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node',
);

type Fn = (...args: unknown[]) => unknown;

function fakeElectron(appRoot: string) {
  const calls = {
    errorBoxes: [] as [string, string][],
    exitCodes: [] as number[],
    windows: [] as FakeWindow[],
    quits: 0,
    failLoad: false,
    menu: undefined as unknown,
    userData: path.join(appRoot, 'default-user-data'),
  };
  class FakeWebContents extends EventEmitter {
    session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    setWindowOpenHandler = vi.fn();
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeWebContents();
    loaded: string | undefined;
    constructor(readonly options: Record<string, unknown>) {
      super();
      calls.windows.push(this);
    }
    loadFile(file: string) {
      this.loaded = file;
      return calls.failLoad ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show = vi.fn();
    isMinimized = vi.fn(() => true);
    restore = vi.fn();
    focus = vi.fn();
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => {
      if (name === 'userData') calls.userData = value;
    },
    getPath: (name: string) => (name === 'userData' ? calls.userData : os.tmpdir()),
    getAppPath: () => appRoot,
    getVersion: () => '0.1.0',
    enableSandbox: vi.fn(),
    singleInstance: true,
    requestSingleInstanceLock: () => app.singleInstance,
    whenReady: () => Promise.resolve(),
    setAppUserModelId: vi.fn(),
    setAboutPanelOptions: vi.fn(),
    showAboutPanel: vi.fn(),
    exit: (code: number) => calls.exitCodes.push(code),
    quit: () => {
      calls.quits += 1;
    },
  });
  const ipcMain = {
    handlers: new Map<string, Fn>(),
    handle(channel: string, fn: Fn) {
      this.handlers.set(channel, fn);
    },
    removeHandler(channel: string) {
      this.handlers.delete(channel);
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  };
  const electron = {
    app,
    ipcMain,
    BrowserWindow: FakeWindow,
    dialog: {
      showErrorBox: (title: string, body: string) => calls.errorBoxes.push([title, body]),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => {
        calls.menu = menu;
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
  return { electron, calls };
}

const holder = vi.hoisted(() => ({ electron: undefined as unknown }));
vi.mock('electron', () => ({
  get app() {
    return (holder.electron as Record<string, unknown>).app;
  },
  get ipcMain() {
    return (holder.electron as Record<string, unknown>).ipcMain;
  },
  get BrowserWindow() {
    return (holder.electron as Record<string, unknown>).BrowserWindow;
  },
  get dialog() {
    return (holder.electron as Record<string, unknown>).dialog;
  },
  get Menu() {
    return (holder.electron as Record<string, unknown>).Menu;
  },
  get shell() {
    return (holder.electron as Record<string, unknown>).shell;
  },
}));

let root: string;
let userData: string;
let fake: ReturnType<typeof fakeElectron>;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-main-'));
  userData = path.join(root, 'data');
  fake = fakeElectron(root);
  holder.electron = fake.electron;
  vi.stubEnv('RM_USER_DATA', userData);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  Object.defineProperty(process.versions, 'electron', {
    value: ELECTRON_VERSION,
    configurable: true,
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.resetModules();
});

afterEach(async () => {
  // Let main.ts close its database the way it does on quit (a window means it was opened).
  fake.electron.app.emit('will-quit', { preventDefault: () => {} });
  if (fake.calls.windows.length > 0) {
    await vi.waitFor(() => expect(fake.calls.exitCodes).toEqual([0]));
  }
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  Reflect.deleteProperty(process.versions, 'electron');
  fs.rmSync(root, { recursive: true, force: true });
});

function installNative() {
  const dir = path.join(root, '.native', `electron-${ELECTRON_VERSION}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(NODE_BUILD, path.join(dir, 'better_sqlite3.node'));
}

async function startMain() {
  await import('./main');
  // whenReady() resolves on the next microtask; start() is synchronous after that.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('main.ts', () => {
  it('moves userData before anything else and sandboxes every renderer', async () => {
    installNative();
    await startMain();
    expect(fake.calls.userData).toBe(userData);
    expect(fake.electron.app.enableSandbox).toHaveBeenCalled();
  });

  it('opens the database in userData and shows one hardened window on the built renderer', async () => {
    installNative();
    await startMain();
    expect(fake.calls.errorBoxes).toEqual([]);
    expect(fs.existsSync(path.join(userData, 'reception.db'))).toBe(true);

    expect(fake.calls.windows).toHaveLength(1);
    const win = fake.calls.windows[0];
    const web = win?.options.webPreferences as Record<string, unknown>;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.preload).toBe(path.join(__dirname, '../preload/index.cjs'));
    expect(win?.loaded).toBe(path.join(__dirname, '../renderer/index.html'));
    expect(win?.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(win?.webContents.listenerCount('will-navigate')).toBe(1);

    // Not shown until the page is ready.
    expect(win?.show).not.toHaveBeenCalled();
    win?.emit('ready-to-show');
    expect(win?.show).toHaveBeenCalled();
    expect(fake.calls.menu).toBeDefined();

    // IPC is live against the real database.
    const invoke = fake.electron.ipcMain.handlers.get(INVOKE_CHANNEL);
    const own = `file://${path.join(__dirname, '../renderer/index.html')}`;
    const result = await invoke?.(
      {
        sender: { id: 1, once: vi.fn(), send: vi.fn(), isDestroyed: () => false },
        senderFrame: { url: own },
      },
      'setup.status',
      {},
    );
    expect(result).toEqual({ ok: true, value: { needsSetup: true } });
  });

  it('in client mode (connection.json names a server) opens no database and calls the server', async () => {
    // A real office server over TLS on this machine, its self-signed certificate pinned.
    const t = makeTestApp();
    const cert = await selfSignedCertificate(path.join(t.dir, 'tls'), ['127.0.0.1']);
    const server = await startServer(t.app, { port: 0, staticDir: t.dir, tls: cert });
    try {
      writeConnection(userData, {
        mode: 'server',
        origin: server.url,
        pinnedCertPem: cert.cert,
        pinnedFingerprint256: cert.fingerprint256,
      });
      await startMain();
      expect(fake.calls.errorBoxes).toEqual([]);
      expect(fs.existsSync(path.join(userData, 'reception.db'))).toBe(false);
      expect(fake.calls.windows).toHaveLength(1);
      const invoke = fake.electron.ipcMain.handlers.get(INVOKE_CHANNEL);
      const own = `file://${path.join(__dirname, '../renderer/index.html')}`;
      const sender = { id: 1, once: vi.fn(), send: vi.fn(), isDestroyed: () => false };
      const created = await invoke?.({ sender, senderFrame: { url: own } }, 'setup.createAdmin', {
        ...ADMIN,
      });
      expect(created).toMatchObject({ ok: true });
      // The write is on the server's database.
      expect(t.count('users')).toBe(1);
    } finally {
      fake.electron.app.emit('will-quit', { preventDefault: () => {} });
      await server.close();
    }
  });

  it('explains a renderer that fails to load, then quits with the database closed', async () => {
    installNative();
    fake.calls.failLoad = true;
    await startMain();
    expect(fake.calls.errorBoxes[0]?.[0]).toBe('界面加载失败');
    expect(fake.calls.errorBoxes[0]?.[1]).toContain('npm run build');
    expect(fake.calls.quits).toBe(1);
    fake.electron.app.emit('will-quit', { preventDefault: () => {} });
    await vi.waitFor(() => expect(fake.calls.exitCodes).toEqual([1]));
    fake.calls.windows.length = 0; // already shut down; nothing for afterEach to do
  });

  it('explains a missing Electron build of better-sqlite3 and quits', async () => {
    await startMain();
    expect(fake.calls.windows).toHaveLength(0);
    expect(fake.calls.exitCodes).toEqual([1]);
    const [title, body] = fake.calls.errorBoxes[0] ?? ['', ''];
    expect(title).toBe('接待管理无法启动');
    expect(body).toContain(path.join('.native', `electron-${ELECTRON_VERSION}`));
    expect(body).toContain('npm start');
    expect(fs.existsSync(path.join(userData, 'reception.db'))).toBe(false);
  });

  it('refuses a database from a newer version without changing it', async () => {
    installNative();
    fs.mkdirSync(userData, { recursive: true });
    const dbFile = path.join(userData, 'reception.db');
    const db = new BetterSqlite3(dbFile);
    db.pragma('journal_mode = WAL');
    db.pragma('user_version = 9999');
    db.close();
    const hash = () => crypto.createHash('sha256').update(fs.readFileSync(dbFile)).digest('hex');
    const before = hash();

    await startMain();
    expect(fake.calls.windows).toHaveLength(0);
    expect(fake.calls.exitCodes).toEqual([1]);
    const [title, body] = fake.calls.errorBoxes[0] ?? ['', ''];
    expect(title).toBe('数据库版本过新');
    expect(body).toContain('9999');
    expect(hash()).toBe(before);
  });

  it('a second launch quits at once and the first focuses its window', async () => {
    installNative();
    await startMain();
    const win = fake.calls.windows[0];
    fake.electron.app.emit('second-instance');
    expect(win?.restore).toHaveBeenCalled();
    expect(win?.focus).toHaveBeenCalled();

    // The second launch itself: no lock, so it quits before opening anything.
    const again = fakeElectron(root);
    again.electron.app.singleInstance = false;
    const first = fake;
    fake = again;
    holder.electron = again.electron;
    vi.resetModules();
    await startMain();
    expect(again.calls.quits).toBe(1);
    expect(again.calls.windows).toHaveLength(0);
    expect(again.electron.app.listenerCount('will-quit')).toBe(0);
    // Let afterEach close the first instance's database.
    fake = first;
    holder.electron = first.electron;
  });

  it('explains a database another process holds, naming it, and quits', async () => {
    installNative();
    const dbFile = path.join(userData, 'reception.db');
    const env = { ...process.env };
    const other = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, '../db/lock.child.ts'), dbFile],
      { env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        other.stdout.on('data', () => resolve());
        other.on('exit', (code) => reject(new Error(`holder exited ${String(code)}`)));
      });
      await startMain();
      expect(fake.calls.windows).toHaveLength(0);
      expect(fake.calls.exitCodes).toEqual([1]);
      const [title, body] = fake.calls.errorBoxes[0] ?? ['', ''];
      expect(title).toBe('数据库正被其他程序使用');
      expect(body).toContain(`进程 ${String(other.pid)}`);
      expect(body).toContain(dbFile);
    } finally {
      other.kill('SIGKILL');
    }
  }, 60_000);
});
