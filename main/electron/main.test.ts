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
import { CONNECT_CHOOSE_CHANNEL, CONNECT_PROBE_CHANNEL } from './connect-channels';
import { CONNECTION_FILE, readConnection, writeConnection } from './connection';

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
    systemLanguages: ['zh-Hans-CN'],
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
    removeMenu = vi.fn();
    destroyed = false;
    isDestroyed = () => this.destroyed;
    close = vi.fn(() => {
      this.destroyed = true;
      this.emit('closed');
    });
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
    getPreferredSystemLanguages: () => calls.systemLanguages,
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
  // The choice made (issue 14): most tests are about the app after it. Without the file the
  // first-run choice opens instead (its own tests below).
  writeConnection(userData, { mode: 'local' });
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

  describe('the first-run choice (issue 14)', () => {
    const connectPage = path.join(__dirname, '../renderer/connect.html');
    const ownUrl = `file://${connectPage}`;
    const choose = (choice: unknown) =>
      fake.electron.ipcMain.handlers.get(CONNECT_CHOOSE_CHANNEL)?.(
        { sender: { id: 9 }, senderFrame: { url: ownUrl } },
        choice,
      );

    it('with no connection.json: its own window, page and preload, and no database yet', async () => {
      fs.rmSync(path.join(userData, CONNECTION_FILE));
      installNative();
      await startMain();
      expect(fake.calls.errorBoxes).toEqual([]);
      expect(fake.calls.windows).toHaveLength(1);
      const win = fake.calls.windows[0];
      const web = win?.options.webPreferences as Record<string, unknown>;
      expect(web.preload).toBe(path.join(__dirname, '../preload/connect-preload.cjs'));
      expect(web.sandbox).toBe(true);
      expect(web.contextIsolation).toBe(true);
      expect(web.additionalArguments).toEqual(['--rm-connect-language=zh-CN']);
      expect(win?.loaded).toBe(connectPage);
      expect(win?.removeMenu).toHaveBeenCalled();
      expect(win?.webContents.setWindowOpenHandler).toHaveBeenCalled();
      // Nothing of the app yet: no database, no IPC for the contract.
      expect(fs.existsSync(path.join(userData, 'reception.db'))).toBe(false);
      expect(fake.electron.ipcMain.handlers.has(INVOKE_CHANNEL)).toBe(false);
      expect(fake.electron.ipcMain.handlers.has(CONNECT_PROBE_CHANNEL)).toBe(true);

      // The app's own page has no business on these channels.
      const fromApp = await fake.electron.ipcMain.handlers.get(CONNECT_CHOOSE_CHANNEL)?.(
        {
          sender: { id: 1 },
          senderFrame: { url: `file://${path.join(__dirname, '../renderer/index.html')}` },
        },
        { mode: 'local' },
      );
      expect(fromApp).toEqual({ ok: false, problem: 'refused' });

      // 只在本机使用: saved, the app opens on its database, the choice closes once it shows.
      expect(await choose({ mode: 'local' })).toEqual({ ok: true });
      await vi.waitFor(() => expect(fake.calls.windows).toHaveLength(2));
      expect(readConnection(userData)).toEqual({
        kind: 'chosen',
        connection: { mode: 'local' },
      });
      const app = fake.calls.windows[1];
      expect(app?.loaded).toBe(path.join(__dirname, '../renderer/index.html'));
      expect(fs.existsSync(path.join(userData, 'reception.db'))).toBe(true);
      expect(fake.electron.ipcMain.handlers.has(CONNECT_CHOOSE_CHANNEL)).toBe(false);
      expect(win?.close).not.toHaveBeenCalled();
      app?.emit('ready-to-show');
      expect(win?.close).toHaveBeenCalled();
      expect(app?.show).toHaveBeenCalled();
    });

    it('speaks English to a system that is not Chinese', async () => {
      fs.rmSync(path.join(userData, CONNECTION_FILE));
      fake.calls.systemLanguages = ['en-GB', 'zh-CN'];
      await startMain();
      const web = fake.calls.windows[0]?.options.webPreferences as Record<string, unknown>;
      expect(web.additionalArguments).toEqual(['--rm-connect-language=en']);
      expect(fake.calls.windows[0]?.options.title).toBe('Reception Manager');
      fake.calls.windows[0]?.close();
      fake.calls.windows.length = 0; // nothing was opened: nothing for afterEach to close
    });

    it('an unreadable connection.json is kept aside and the choice is asked again', async () => {
      fs.writeFileSync(path.join(userData, CONNECTION_FILE), '{"mode": "server", "origin": 5}');
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      await startMain();
      expect(fake.calls.errorBoxes).toEqual([]);
      expect(fake.calls.windows).toHaveLength(1);
      expect(fake.calls.windows[0]?.loaded).toBe(connectPage);
      const files = fs.readdirSync(userData);
      expect(files).not.toContain(CONNECTION_FILE);
      const aside = files.find((f) => /^connection\.unreadable-\d+\.json$/.test(f));
      expect(aside).toBeDefined();
      expect(fs.readFileSync(path.join(userData, aside ?? ''), 'utf8')).toContain('"origin": 5');
      fake.calls.windows[0]?.close();
      fake.calls.windows.length = 0;
    });

    it('closed without a choice: nothing is written and no app window opens', async () => {
      fs.rmSync(path.join(userData, CONNECTION_FILE));
      await startMain();
      fake.calls.windows[0]?.close();
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fake.calls.windows).toHaveLength(1);
      expect(fs.existsSync(path.join(userData, CONNECTION_FILE))).toBe(false);
      expect(fake.electron.ipcMain.handlers.has(CONNECT_CHOOSE_CHANNEL)).toBe(false);
      fake.calls.windows.length = 0;
    });

    it('a second launch during the choice brings the choice window up', async () => {
      fs.rmSync(path.join(userData, CONNECTION_FILE));
      await startMain();
      const win = fake.calls.windows[0];
      fake.electron.app.emit('second-instance');
      expect(win?.focus).toHaveBeenCalled();
      win?.close();
      fake.calls.windows.length = 0;
    });
  });
});
