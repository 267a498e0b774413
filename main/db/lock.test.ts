import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { makeTempDir, makeTestApp } from '../test-support';
import { DatabaseInUseError, lockFileFor, type LockOwner } from './lock';
import { DatabaseTooNewError } from './migrate';
import { openDatabase } from './open';

const CHILD = path.join(__dirname, 'lock.child.ts');
const CLI = path.join(__dirname, '..', 'server', 'cli.ts');

/** The environment of a real second process. */
const realEnv = (): NodeJS.ProcessEnv => ({ ...process.env });

const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = makeTempDir('rm-lock-');
  dirs.push(dir);
  return path.join(dir, 'reception.db');
}

interface ChildRun {
  proc: ChildProcessWithoutNullStreams;
  /** The first line the child printed, parsed. */
  first: Promise<{ ready?: number; refused?: string; owner?: LockOwner }>;
  exited: Promise<number | null>;
  stderr: () => string;
}

function startChild(file: string): ChildRun {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, file], {
    cwd: process.cwd(),
    env: realEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(proc);
  let stdout = '';
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const first = new Promise<{ ready?: number; refused?: string; owner?: LockOwner }>(
    (resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const line = stdout.split('\n')[0];
        if (stdout.includes('\n') && line) resolve(JSON.parse(line) as { ready?: number });
      });
      void exited.then((code) => reject(new Error(`child exited ${String(code)}: ${stderr}`)));
    },
  );
  return { proc, first, exited, stderr: () => stderr };
}

function writeLock(file: string, owner: Partial<LockOwner>): void {
  const full: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    processStartedAt: Date.now() - process.uptime() * 1000,
    lockedAt: Date.now(),
    bootedAt: Date.now() - os.uptime() * 1000,
    token: 'someone-else',
    ...owner,
  };
  fs.writeFileSync(lockFileFor(file), JSON.stringify(full));
}

function lockOwner(file: string): LockOwner | null {
  const lockFile = lockFileFor(file);
  return fs.existsSync(lockFile)
    ? (JSON.parse(fs.readFileSync(lockFile, 'utf8')) as LockOwner)
    : null;
}

/** A PID that ran on this machine and has ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  if (!pid) throw new Error('no pid');
  return pid;
}

describe('one process per database file: a second process', () => {
  it('is refused with DatabaseInUseError naming the first (PID, host, start time)', async () => {
    const file = tempFile();
    const first = startChild(file);
    const { ready } = await first.first;
    expect(ready).toBe(first.proc.pid);

    // This process: createApp is refused before it touches the file.
    let error: unknown;
    try {
      createApp(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    const inUse = error as DatabaseInUseError;
    expect(inUse.owner?.pid).toBe(ready);
    expect(inUse.owner?.hostname).toBe(os.hostname());
    expect(inUse.message).toContain(`PID ${String(ready)}`);
    expect(inUse.message).toContain(new Date(inUse.owner?.processStartedAt ?? 0).toISOString());
    expect(inUse.messageZh).toContain(`进程 ${String(ready)}`);
    expect(lockOwner(file)?.pid).toBe(ready); // the first still holds it

    // A third process, as the app would start: refused too, and it says by whom.
    const third = startChild(file);
    const answer = await third.first;
    expect(answer.owner?.pid).toBe(ready);
    expect(answer.refused).toContain(`PID ${String(ready)}`);
    expect(await third.exited).toBe(3);

    // Once the first closes, the file is free again.
    first.proc.stdin.end();
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
    const app = createApp(file);
    expect(lockOwner(file)?.pid).toBe(process.pid);
    await app.close();
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
  }, 60_000);

  it('`npm run serve` on a database the app has open prints who holds it and exits non-zero', async () => {
    const t = makeTestApp();
    void t.app; // opens the database: this process holds the lock
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--db', t.file, '--port', '0', '--static', t.dir],
      { cwd: process.cwd(), env: realEnv(), stdio: ['pipe', 'pipe', 'pipe'] },
    );
    children.push(proc);
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).toBe(3);
    expect(stdout).not.toContain('browser mode');
    expect(stderr).toContain('数据库正被另一个进程使用');
    expect(stderr).toContain(`进程 ${String(process.pid)}`);
    expect(stderr).toContain(`PID ${String(process.pid)} on ${os.hostname()}`);
    // The refused server changed nothing: the holder's lock and database are as they were.
    expect(lockOwner(t.file)?.pid).toBe(process.pid);
    expect(await t.ok('setup.status', {})).toEqual({ needsSetup: true });
  }, 60_000);

  it('takes over the lock of a process that was killed', async () => {
    const file = tempFile();
    const first = startChild(file);
    const { ready } = await first.first;
    first.proc.kill('SIGKILL');
    await first.exited;
    expect(lockOwner(file)?.pid).toBe(ready); // left behind

    const app = createApp(file);
    expect(lockOwner(file)?.pid).toBe(process.pid);
    await app.close();
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
  }, 60_000);
});

describe('one process per database file: stale and foreign locks', () => {
  it('takes over a lock whose PID no longer runs', async () => {
    const file = tempFile();
    writeLock(file, { pid: deadPid(), processStartedAt: Date.now() - 1000 });
    const db = openDatabase(file);
    expect(lockOwner(file)).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    await db.close();
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
  });

  it('takes over a lock with this PID from an earlier process (a container restarted as PID 1)', async () => {
    const file = tempFile();
    writeLock(file, { pid: process.pid, processStartedAt: Date.now() - 3_600_000 });
    const db = openDatabase(file);
    expect(lockOwner(file)?.token).not.toBe('someone-else');
    await db.close();
  });

  it('takes over a lock written before the machine restarted', async () => {
    const file = tempFile();
    writeLock(file, { bootedAt: Date.now() - os.uptime() * 1000 - 86_400_000 });
    const db = openDatabase(file);
    expect(lockOwner(file)?.token).not.toBe('someone-else');
    await db.close();
  });

  it('takes over a lock file a crash left half-written, but not one being written now', async () => {
    const file = tempFile();
    fs.writeFileSync(lockFileFor(file), '');
    expect(() => openDatabase(file)).toThrow(DatabaseInUseError);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockFileFor(file), old, old);
    const db = openDatabase(file);
    expect(lockOwner(file)?.pid).toBe(process.pid);
    await db.close();
  });

  it('never takes over a lock from another host (a database on a shared folder)', () => {
    const file = tempFile();
    writeLock(file, { hostname: 'front-desk-pc', pid: deadPid() });
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toContain('on front-desk-pc');
    expect((error as Error).message).toContain(lockFileFor(file));
    expect(lockOwner(file)?.hostname).toBe('front-desk-pc');
    expect(fs.existsSync(file)).toBe(false); // refused before SQLite created anything
  });
});

describe('one process per database file: within this process', () => {
  it('holds the lock while open, shares it with a second open and releases it with the last close', async () => {
    const file = tempFile();
    const a = openDatabase(file);
    const b = openDatabase(file);
    expect(lockOwner(file)?.pid).toBe(process.pid);
    await a.close();
    expect(lockOwner(file)?.pid).toBe(process.pid);
    await b.close();
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
  });

  it('test apps release the lock on reopen and cleanup', async () => {
    const t = makeTestApp({ autoCleanup: false });
    void t.app;
    const token = lockOwner(t.file)?.token;
    expect(token).toBeTruthy();
    await t.reopen();
    expect(lockOwner(t.file)?.pid).toBe(process.pid);
    expect(lockOwner(t.file)?.token).not.toBe(token);
    await t.cleanup();
    expect(fs.existsSync(lockFileFor(t.file))).toBe(false);
  });

  it('releases the lock when opening fails (a database from a newer version)', () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 9999');
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
  });

  it('takes no lock for an in-memory database', async () => {
    const db = openDatabase(':memory:');
    expect(db.lock).toBeNull();
    await db.close();
  });
});
