import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { probe, type Endpoint } from './http';

/**
 * The real office server in its own process — the load generator must not share its event loop —
 * started, killed and restarted on the same database and port.
 *
 * It listens on 127.0.0.1 with `--self-signed`: the same TLS the office uses (the handshake and
 * encryption are in the figures); on loopback the policy also accepts calls without Origin, but
 * the clients send the one a browser would.
 */

export const ROOT = path.resolve(__dirname, '../..');
/** USER_HZ: the unit of /proc/PID/stat's times, 100 on Linux everywhere that matters. */
const CLOCK_TICKS = 100;
const BUILT = path.join(ROOT, 'out/main/server.js');

export interface ServerCommand {
  argv: string[];
  /** Extra environment (a build outside the repository finds node_modules through NODE_PATH). */
  env?: Record<string, string>;
  /** What runs, and why, for the report. */
  label: string;
}

/** The newest non-test source the server is built from (main/ and shared/). */
function newestSource(): { file: string; ms: number } {
  let newest = { file: '', ms: 0 };
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        const ms = fs.statSync(p).mtimeMs;
        if (ms > newest.ms) newest = { file: path.relative(ROOT, p), ms };
      }
    }
  };
  walk(path.join(ROOT, 'main'));
  walk(path.join(ROOT, 'shared'));
  return newest;
}

export const SERVER_MODES = ['auto', 'built', 'build', 'tsx'] as const;
export type ServerMode = (typeof SERVER_MODES)[number];

/**
 * `built`: `node out/main/server.js`, built first (electron-vite) when missing or older than the
 * sources. `build`: the sources built now into the run's temp folder (electron-vite with
 * RM_BUILD_OUT, about 15 s), leaving out/ to whoever else uses it — the production bundle of
 * exactly these sources. `tsx`: the sources through tsx's loader, in one process (not `npx tsx`,
 * whose wrapper would be what SIGKILL hits). `auto`: out/ when it is current, else tsx — the
 * database is generated from the sources' migrations, which a stale build might not know.
 */
export function serverCommand(mode: ServerMode, tempDir: string): ServerCommand {
  if (mode === 'build') {
    const out = path.join(tempDir, 'build');
    const built = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: ROOT,
      env: { ...process.env, RM_BUILD_OUT: out },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error('electron-vite build into the temp folder failed');
    return {
      argv: [process.execPath, path.join(out, 'main/server.js')],
      env: { NODE_PATH: path.join(ROOT, 'node_modules') },
      label: 'node <temp>/build/main/server.js (electron-vite build of the current sources)',
    };
  }
  const tsx: ServerCommand = {
    argv: [process.execPath, '--import', 'tsx', path.join(ROOT, 'main/server/cli.ts')],
    label: 'node --import tsx main/server/cli.ts',
  };
  if (mode === 'tsx') return tsx;
  const newest = newestSource();
  const builtMs = fs.existsSync(BUILT) ? fs.statSync(BUILT).mtimeMs : 0;
  if (builtMs > newest.ms) {
    return { argv: [process.execPath, BUILT], label: 'node out/main/server.js (current build)' };
  }
  const why = builtMs === 0 ? 'out/main/server.js is missing' : `${newest.file} is newer`;
  if (mode === 'auto') return { ...tsx, label: `${tsx.label} (${why})` };
  console.log(`building the server (${why}): npx electron-vite build …`);
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('electron-vite build failed');
  return { argv: [process.execPath, BUILT], label: 'node out/main/server.js (built now)' };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  endpoint: Endpoint | null = null;

  constructor(
    private readonly command: ServerCommand,
    /** The store's arguments: `--db FILE` (or, later, `--postgres URL`). */
    private readonly storeArgs: readonly string[],
    readonly port: number,
    readonly logFile: string,
    /** Where `--self-signed` keeps the certificate (`tls/` beside the database). */
    private readonly tlsDir: string,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Spawns the server and resolves when /api/ready answers 200; the time that took, in ms. */
  async start(timeoutMs = 60_000): Promise<number> {
    const t0 = performance.now();
    const log = fs.openSync(this.logFile, 'a');
    fs.writeSync(log, `\n--- start ${new Date().toISOString()}\n`);
    const [cmd, ...args] = this.command.argv;
    const child = spawn(
      cmd ?? process.execPath,
      [...args, ...this.storeArgs, '--listen', `127.0.0.1:${this.port}`, '--self-signed'],
      { cwd: ROOT, stdio: ['ignore', log, log], env: { ...process.env, ...this.command.env } },
    );
    fs.closeSync(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let gone = false;
    void this.exited.then(() => (gone = true));
    while (performance.now() - t0 < timeoutMs) {
      if (gone) throw new Error(`the server exited while starting; see ${this.logFile}`);
      if ((await probe({ host: '127.0.0.1', port: this.port }, '/api/ready')) === 200) {
        this.endpoint ??= this.trust();
        return performance.now() - t0;
      }
      await sleep(20);
    }
    throw new Error(`the server was not ready within ${timeoutMs} ms; see ${this.logFile}`);
  }

  /**
   * The certificate the server made, checked against the fingerprint it printed at start — what
   * a person does the first time — then trusted as the only CA by every client of the run.
   */
  private trust(): Endpoint {
    const ca = fs.readFileSync(path.join(this.tlsDir, 'server-cert.pem'), 'utf8');
    const printed = /fingerprint: ([0-9A-F:]+)/.exec(fs.readFileSync(this.logFile, 'utf8'))?.[1];
    const actual = new crypto.X509Certificate(ca).fingerprint256;
    if (printed !== undefined && printed !== actual) {
      throw new Error(`the certificate in ${this.tlsDir} is not the one the server printed`);
    }
    return {
      host: '127.0.0.1',
      port: this.port,
      origin: `https://127.0.0.1:${this.port}`,
      ca,
    };
  }

  /** SIGKILL: no draining, no close. Resolves once the process is gone. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM: calls in flight finish, the database is closed; SIGKILL after 30 s. */
  async stop(): Promise<number | null> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) {
      return this.child?.exitCode ?? null;
    }
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 30_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /**
   * CPU seconds the server process has used (user + system), from /proc on Linux; null elsewhere.
   * Over a run it says whether the server had a core to itself on a shared machine.
   */
  cpuSeconds(): number | null {
    if (this.child?.pid === undefined) return null;
    try {
      const stat = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime and stime are 14th and 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    } catch {
      return null;
    }
  }

  /** The end of the server's log, for a failure's message. */
  tail(lines = 20): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}
