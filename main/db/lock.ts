/**
 * One process per database file (issue 7, item 10). Two processes writing one SQLite file wait on
 * each other's locks and, past the busy timeout, fail; so the process that opens a database holds
 * `<file>.lock` for as long as it runs, and a second process is refused with DatabaseInUseError.
 *
 * Node has no portable advisory file lock without a native module, so the lock is a file created
 * exclusively (`wx`: fails if it exists, on every platform and on SMB shares) holding its owner:
 * PID, host, when that process and the machine started. A lock whose owner is gone is taken over:
 * - same host and the PID is not running (`kill(pid, 0)`, which works on Windows too);
 * - same host and the machine has restarted since the lock was written;
 * - same host, the PID runs but is another process (PID reuse: this very PID after a restart, as
 *   in a container where the server is always PID 1, or on Linux a start time in /proc that is
 *   not the owner's);
 * - a file left half-written by a crash (unreadable and older than a few seconds).
 * A lock from another host (a database on a shared folder) is never taken over: we cannot see its
 * processes. The error names the lock file so that an administrator can remove it.
 *
 * Within one process the same file may be opened again (the lock is counted, not refused).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  hostname: string;
  /** Epoch ms when the owner process started. */
  processStartedAt: number;
  /** Epoch ms when the owner took the lock. */
  lockedAt: number;
  /** Epoch ms when the owner's machine booted (a reboot frees every lock it held). */
  bootedAt: number;
  /** Tells this lock from another taken by the same process or a later one with the same PID. */
  token: string;
}

/** The database file is held by another process, named in the message. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly file: string,
    readonly lockFile: string,
    readonly owner: LockOwner | null,
  ) {
    super(
      owner
        ? `The database ${file} is in use by another process: PID ${owner.pid} on ${owner.hostname}, ` +
            `started ${new Date(owner.processStartedAt).toISOString()} ` +
            `(holding it since ${new Date(owner.lockedAt).toISOString()}). ` +
            `Only one process may open a database file: close that one first. ` +
            `If it is certainly not running, delete ${lockFile}.`
        : `The database ${file} is being opened by another process (${lockFile} is being written). ` +
            `Only one process may open a database file. If no other one is starting, delete ${lockFile}.`,
    );
    this.name = 'DatabaseInUseError';
  }

  /** The same in Chinese, for the desktop dialog and the console of the browser-mode server. */
  get messageZh(): string {
    const o = this.owner;
    return o
      ? `数据库正被另一个进程使用：${o.hostname} 上的进程 ${o.pid}（启动于 ` +
          `${new Date(o.processStartedAt).toLocaleString('zh-CN')}）。同一数据库文件只能由一个程序打开，` +
          `请先关闭那个程序。若确认它已不在运行，可删除 ${this.lockFile}。`
      : `数据库正由另一个进程打开（${this.lockFile} 正在写入）。同一数据库文件只能由一个程序打开。`;
  }
}

const PROCESS_STARTED_AT = Math.round(Date.now() - process.uptime() * 1000);
/** Clock adjustments move a computed boot time; a restart moves it by far more. */
const BOOT_TOLERANCE_MS = 120_000;
const START_TOLERANCE_MS = 5_000;
/** A lock file younger than this that cannot be read is still being written. */
const HALF_WRITTEN_GRACE_MS = 10_000;

const bootedAt = () => Math.round(Date.now() - os.uptime() * 1000);

export function lockFileFor(file: string): string {
  return `${path.resolve(file)}.lock`;
}

function readOwner(lockFile: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockOwner>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.hostname === 'string' &&
      typeof parsed.processStartedAt === 'number' &&
      typeof parsed.lockedAt === 'number' &&
      typeof parsed.bootedAt === 'number' &&
      typeof parsed.token === 'string'
    ) {
      return parsed as LockOwner;
    }
    return null;
  } catch {
    return null;
  }
}

function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux only: when `pid` started (epoch ms), from /proc; null where that cannot be read. */
function linuxStartTime(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and brackets: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]); // field 22 overall: start time in clock ticks after boot
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!Number.isFinite(ticks) || !btime) return null;
    return Number(btime) * 1000 + ticks * 10; // USER_HZ is 100 on every Linux ABI
  } catch {
    return null;
  }
}

/** Whether the process that wrote `owner` may still be running (on this host). */
export function ownerAlive(owner: LockOwner, held: ReadonlySet<string>): boolean {
  if (owner.hostname !== os.hostname()) return true; // cannot tell: never take it over
  if (Math.abs(owner.bootedAt - bootedAt()) > BOOT_TOLERANCE_MS) return false;
  if (owner.pid === process.pid) {
    if (held.has(owner.token)) return true;
    // Another thread of this process, or an earlier process that had our PID.
    return Math.abs(owner.processStartedAt - PROCESS_STARTED_AT) <= START_TOLERANCE_MS;
  }
  if (!pidRunning(owner.pid)) return false;
  const started = linuxStartTime(owner.pid);
  return started === null || Math.abs(started - owner.processStartedAt) <= START_TOLERANCE_MS;
}

interface Held {
  token: string;
  refs: number;
}
/** Locks this process (this thread's copy of the module) holds, by lock file. */
const held = new Map<string, Held>();
let exitHookInstalled = false;

function removeIfOurs(lockFile: string, token: string): void {
  if (readOwner(lockFile)?.token !== token) return;
  try {
    fs.unlinkSync(lockFile);
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // process.exit() and a normal end run 'exit' handlers; SIGKILL and a crash leave a stale lock.
  process.on('exit', () => {
    for (const [lockFile, h] of held) removeIfOurs(lockFile, h.token);
    held.clear();
  });
}

function tryCreate(lockFile: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockFile, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeSync(fd, `${JSON.stringify(owner, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock out of the way, unless another process replaced it meanwhile (then that one
 * is put back). True when the path is free for `tryCreate`.
 */
function removeStale(lockFile: string, staleText: string | null): boolean {
  const aside = `${lockFile}.stale-${crypto.randomBytes(6).toString('hex')}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch {
    return true; // already gone: try to create it
  }
  let text: string | null = null;
  try {
    text = fs.readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as what we saw
  }
  if (staleText !== null && text !== staleText) {
    // Someone took it over between our read and our rename: give it back.
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // A third process holds the path now; it wins.
    }
  }
  fs.rmSync(aside, { force: true });
  return true;
}

export interface DatabaseLock {
  readonly lockFile: string;
  /** Releases this hold; the file goes when the last hold in this process is released. */
  release(): void;
}

/** Takes (or joins, within this process) the lock on `file`, or throws DatabaseInUseError. */
export function acquireDatabaseLock(file: string): DatabaseLock {
  const lockFile = lockFileFor(file);
  const mine = held.get(lockFile);
  let entry: Held;
  if (mine && readOwner(lockFile)?.token === mine.token) {
    mine.refs += 1;
    entry = mine;
  } else {
    if (mine) held.delete(lockFile); // someone removed our file: take it again
    entry = { token: crypto.randomBytes(12).toString('hex'), refs: 1 };
    take(file, lockFile, entry.token);
    held.set(lockFile, entry);
    installExitHook();
  }
  let released = false;
  return {
    lockFile,
    release() {
      if (released) return;
      released = true;
      entry.refs -= 1;
      if (entry.refs > 0 || held.get(lockFile) !== entry) return;
      held.delete(lockFile);
      removeIfOurs(lockFile, entry.token);
    },
  };
}

function take(file: string, lockFile: string, token: string): void {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const tokens = new Set([...held.values()].map((h) => h.token));
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = Date.now();
    const owner: LockOwner = {
      pid: process.pid,
      hostname: os.hostname(),
      processStartedAt: PROCESS_STARTED_AT,
      lockedAt: now,
      bootedAt: bootedAt(),
      token,
    };
    if (tryCreate(lockFile, owner)) return;
    let text: string | null = null;
    try {
      text = fs.readFileSync(lockFile, 'utf8');
    } catch {
      continue; // released meanwhile: try again
    }
    const found = readOwner(lockFile);
    if (found) {
      if (ownerAlive(found, tokens)) throw new DatabaseInUseError(file, lockFile, found);
    } else {
      let age = 0;
      try {
        age = now - fs.statSync(lockFile).mtimeMs;
      } catch {
        continue;
      }
      if (age < HALF_WRITTEN_GRACE_MS) throw new DatabaseInUseError(file, lockFile, null);
    }
    removeStale(lockFile, text);
  }
  throw new DatabaseInUseError(file, lockFile, readOwner(lockFile));
}
