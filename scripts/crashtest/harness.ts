/**
 * The crash test (issue 13, item 1): a child process (child.ts, bundled once with esbuild so a
 * trial does not pay for TypeScript's loader) writes through the app against a database file and
 * acknowledges each write after its commit; the parent kills it with SIGKILL at a random moment,
 * opens the file again as the app does (createApp: the one-process lock left by the dead child is
 * taken over, the WAL recovered, pending migrations run) and checks `PRAGMA integrity_check`, that
 * every acknowledged write is there and that no write is there in part. Trials rotate over four
 * kinds: plain writes (twice as often), a migration, writes during online backups, and the
 * retention purge. A writes trial is killed during one of its first writes, at a random point of
 * a write's time (measured by a child writing uninterrupted); a migration or purge trial at a
 * random point over twice the length of an uninterrupted run (timed while making the templates,
 * warm: a fresh child is slower), so kills land before, inside and after the commit.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { build, type Plugin } from 'esbuild';
import { dispatch } from '../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../main/app';
import { isPartialBackup, listBackups, removePartialBackups } from '../../main/db/backup';
import { LATEST_VERSION } from '../../main/db/migrations';
import { purgeExpiredVisitors } from '../../main/domains/frontdesk';
import { checkWrites, type WriteCheck } from './checks';
import { CRASH_CLOCK_MS, newRequest, seedCompany, visitor, type CrashCompany } from './company';
import { buildOldDatabase, OLD_VERSION } from './old-db';
import {
  isWriteAck,
  type ChildArgs,
  type ChildEvent,
  type TrialKind,
  type WriteAck,
} from './protocol';
import { mulberry32 } from './random';

export interface CrashOptions {
  trials: number;
  seed: number;
  /** The deliberately broken writer (every trial a writes trial): the harness must fail. */
  broken?: boolean;
  /** Progress and problems, one line each (default: nothing). */
  log?: (line: string) => void;
  /** Keep the working folder (trial databases of failed trials are kept anyway). */
  keep?: boolean;
  /**
   * The deliberately broken backup (every trial a backup trial): copies written straight under
   * their own name, so a kill mid-copy leaves a file that looks like a backup. Must fail.
   */
  brokenBackup?: boolean;
  /** Stop after the first trial that found a partial write (the broken writer's self-test). */
  untilPartial?: boolean;
  /** Stop after the first failed trial (the broken backup's self-test). */
  untilFailure?: boolean;
}

export interface KindFigures {
  trials: number;
  ok: number;
  /** Kills that came before the kind's work committed (migration, purge), or in a backup. */
  inside: number;
}

export interface CrashReport {
  trials: number;
  ok: number;
  acknowledged: number;
  /** Complete backups checked (backup trials). */
  backups: number;
  lost: number;
  partial: number;
  integrityFailures: number;
  /** Trials whose child failed on its own (a harness or app error, not a kill). */
  errors: number;
  byKind: Record<TrialKind, KindFigures>;
  seconds: number;
  /** Of which: setting up (bundle, templates, calibration), children running, checking. */
  setupSeconds: number;
  runSeconds: number;
  checkSeconds: number;
  broken: boolean;
  brokenBackup: boolean;
  workDir: string;
}

/** Old requests in the migration trials' database, and expired visits in the purge's. */
const OLD_REQUESTS = 1200;
const EXPIRED_VISITS = 40;
/** Writes per calibration run. */
const CALIBRATION_WRITES = 10;
/** A writes trial is killed during one of its first this many writes. */
const KILL_AFTER_WRITES = 12;
/** The purge's clock: three years after the visits, long past the retention period. */
const PURGE_CLOCK_MS = CRASH_CLOCK_MS + 3 * 365 * 86_400_000;

const ROTATION: TrialKind[] = ['writes', 'migration', 'writes', 'backup', 'purge'];

const here = __dirname;
const repoRoot = path.resolve(here, '..', '..');

/**
 * Libraries the child never calls (spreadsheets, zip, images) but would load at start, which costs
 * more than the rest of the app: in the bundle each is a stand-in that loads it on first use.
 */
const LOADED_ON_USE = ['exceljs', 'jszip', 'pngjs', 'jpeg-js', 'qrcode'];

const onUse: Plugin = {
  name: 'load-on-use',
  setup(b) {
    const filter = new RegExp(`^(${LOADED_ON_USE.join('|')})$`);
    b.onResolve({ filter }, (a) =>
      // The stand-in's own require is the real module, outside the bundle.
      a.namespace === 'on-use'
        ? { path: a.path, external: true }
        : { path: a.path, namespace: 'on-use' },
    );
    b.onLoad({ filter: /.*/, namespace: 'on-use' }, (a) => ({
      contents:
        `let real;\n` +
        `module.exports = new Proxy({}, { get: (_, k) => k === '__esModule' ? undefined : ` +
        `(real ??= require(${JSON.stringify(a.path)}))[k] });\n`,
      loader: 'js',
    }));
  },
};

async function bundleChild(workDir: string): Promise<string> {
  const outfile = path.join(workDir, 'child.cjs');
  await build({
    entryPoints: [path.join(here, 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    // Native modules stay outside (found through NODE_PATH: the bundle lives in a temp folder).
    external: ['better-sqlite3', '@node-rs/argon2', 'electron'],
    plugins: [onUse],
    logLevel: 'error',
  });
  return outfile;
}

/** Checkpoints and closes, so that the file alone is the database (templates are copied). */
async function closeClean(app: RunningApp): Promise<void> {
  app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await app.close();
}

/** Templates are made, not crash-tested: no waiting for the disk while they are written. */
function fast(app: RunningApp): RunningApp {
  app.sqlite.pragma('synchronous = OFF');
  return app;
}

interface Templates {
  base: string;
  company: CrashCompany;
  purge: string;
  old: string;
  /** The old database migrated without a kill: what every migration trial must end as. */
  migrated: Map<string, string>;
  /** How long opening the old database (migrating it) and the purge took, uninterrupted. */
  migrateMs: number;
  purgeMs: number;
}

async function makeTemplates(dir: string, kinds: ReadonlySet<TrialKind>): Promise<Templates> {
  const base = path.join(dir, 'base.db');
  const app = fast(createApp(base, { clock: () => CRASH_CLOCK_MS }));
  const company = await seedCompany(app);
  await closeClean(app);
  const purge = path.join(dir, 'purge.db');
  let purgeMs = 0;
  let migrateMs = 0;
  if (kinds.has('purge')) {
    fs.copyFileSync(base, purge);
    const p = fast(createApp(purge, { clock: () => CRASH_CLOCK_MS }));
    for (let i = 1; i <= EXPIRED_VISITS; i++) {
      const visitors = Array.from({ length: 1 + (i % 4) }, (_, v) => visitor(`过期访客 ${i}-${v}`));
      const out = await dispatch(p, {
        op: 'requests.submit',
        input: newRequest({ orgName: `过期来访 ${i}`, visitors }),
        token: company.host,
      });
      if (!out.result.ok) throw new Error(`seeding the purge: ${JSON.stringify(out.result)}`);
    }
    await closeClean(p);
    // The purge's length, on a copy in this process (as the app would run it).
    const copy = path.join(dir, 'purge-timed.db');
    fs.copyFileSync(purge, copy);
    const timed = createApp(copy, { clock: () => PURGE_CLOCK_MS });
    const t0 = performance.now();
    await purgeExpiredVisitors(timed.db, PURGE_CLOCK_MS);
    purgeMs = performance.now() - t0;
    await timed.close();
  }
  const old = path.join(dir, 'old.db');
  let migrated = new Map<string, string>();
  if (kinds.has('migration')) {
    buildOldDatabase(old, OLD_REQUESTS);
    const ref = path.join(dir, 'old-migrated.db');
    fs.copyFileSync(old, ref);
    // Opening migrates it: its length is the migration trials' kill window.
    const t0 = performance.now();
    const m = createApp(ref, { clock: () => CRASH_CLOCK_MS });
    migrateMs = performance.now() - t0;
    migrated = snapshot(m.sqlite);
    await m.close();
  }
  return { base, company, purge, old, migrated, migrateMs, purgeMs };
}

/** Every table's rows, one digest string per table (sqlite_* tables aside: the planner's). */
function snapshot(db: BetterSqlite3.Database): Map<string, string> {
  const names = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out = new Map<string, string>();
  for (const name of names) {
    // FTS5 shadow tables hold segments whose layout depends on history, not content: skipped.
    if (
      /_(data|idx|docsize|config|content)$/.test(name) &&
      names.includes(name.replace(/_[a-z]+$/, ''))
    ) {
      continue;
    }
    const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all();
    out.set(name, JSON.stringify(rows.map((r) => JSON.stringify(r)).sort()));
  }
  return out;
}

/** When to kill: `delayMs` after the `count`-th event that `on` accepts. */
interface KillAt {
  on: (e: ChildEvent) => boolean;
  count: number;
  delayMs: number;
}

interface ChildRun {
  events: ChildEvent[];
  killed: boolean;
  /** Exit code when the child ended on its own. */
  code: number | null;
  stderr: string;
}

/**
 * A child process that has loaded the app and waits for its trial (loading takes most of a
 * child's start: the next trial's child loads while this trial runs and is checked).
 */
interface WarmChild {
  /**
   * Sends the trial; when `kill.count` events `kill.on` have arrived, kills the child after
   * `kill.delayMs` (null: never). Resolves once the child has exited and been reaped (its PID no longer runs, so the
   * one-process lock it held on the database is stale for the next opener).
   */
  run(args: ChildArgs, kill: KillAt | null): Promise<ChildRun>;
  /** Ends a child that was never used. */
  discard(): void;
}

function warmChild(bundle: string): WarmChild {
  const proc = spawn(process.execPath, [bundle], {
    cwd: repoRoot,
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const run: ChildRun = { events: [], killed: false, code: null, stderr: '' };
  let buffer = '';
  let onEvent: (e: ChildEvent) => void = () => undefined;
  proc.stdout.on('data', (d: Buffer) => {
    buffer += d.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const e = JSON.parse(buffer.slice(0, nl)) as ChildEvent;
      buffer = buffer.slice(nl + 1);
      run.events.push(e);
      onEvent(e);
    }
  });
  proc.stderr.on('data', (d: Buffer) => (run.stderr += d.toString('utf8')));
  const closed = new Promise<void>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      // Killed by us only if the signal did it (a child that ended first exited on its own).
      run.killed = signal === 'SIGKILL';
      run.code = code;
      resolve();
    });
  });
  return {
    async run(args, killAt) {
      let seen = 0;
      let timer: NodeJS.Timeout | null = null;
      const kill = () => proc.kill('SIGKILL');
      onEvent = (e) => {
        if (!killAt || !killAt.on(e) || timer !== null) return;
        seen += 1;
        if (seen < killAt.count) return;
        if (killAt.delayMs <= 0) kill();
        else timer = setTimeout(kill, killAt.delayMs);
      };
      proc.stdin.end(`${JSON.stringify(args)}\n`);
      await closed;
      if (timer) clearTimeout(timer);
      return run;
    },
    discard() {
      proc.kill('SIGKILL');
    },
  };
}

interface TrialOutcome {
  ok: boolean;
  acknowledged: number;
  lost: number;
  partial: number;
  integrity: number;
  error: boolean;
  inside: boolean;
  problems: string[];
  /** Complete backups found and checked. */
  backups: number;
  runMs: number;
  checkMs: number;
}

function integrityOf(db: BetterSqlite3.Database): string {
  return (db.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join('; ');
}

/** Opens the file as the app does and checks its integrity; null (and a problem) when it fails. */
function reopen(file: string, clockMs: number, out: TrialOutcome): RunningApp | null {
  let app: RunningApp;
  try {
    app = createApp(file, { clock: () => clockMs });
  } catch (e) {
    out.integrity += 1;
    out.problems.push(`reopening failed: ${(e as Error).message}`);
    return null;
  }
  const integrity = integrityOf(app.sqlite);
  if (integrity !== 'ok') {
    out.integrity += 1;
    out.problems.push(`integrity_check: ${integrity}`);
  }
  return app;
}

function addWrites(out: TrialOutcome, w: WriteCheck, where: string): void {
  out.lost += w.lost;
  out.partial += w.partial;
  out.problems.push(...w.problems.map((p) => `${where}: ${p}`));
}

/** The backups of a trial: each complete one usable and whole, every acknowledged one there. */
function checkBackups(dir: string, events: ChildEvent[], acks: WriteAck[], out: TrialOutcome) {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const complete = listBackups(dir);
  out.backups += complete.length;
  const stray = names.filter((n) => !isPartialBackup(n) && !complete.includes(path.join(dir, n)));
  if (stray.length > 0) {
    out.integrity += 1;
    out.problems.push(`backups: files neither complete nor partial: ${stray.join(', ')}`);
  }
  if (names.some(isPartialBackup)) out.inside = true;
  for (const e of events) {
    if (e.k === 'backup' && !complete.includes(e.file)) {
      out.lost += 1;
      out.problems.push(`acknowledged backup ${path.basename(e.file)} is missing`);
    }
  }
  for (const file of complete) {
    let db: BetterSqlite3.Database | null = null;
    try {
      db = new BetterSqlite3(file, { fileMustExist: true });
      const integrity = integrityOf(db);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (integrity !== 'ok' || version !== LATEST_VERSION) {
        out.integrity += 1;
        out.problems.push(`backup ${path.basename(file)}: ${integrity}, version ${version}`);
        continue;
      }
      const acked = events.find((e) => e.k === 'backup' && e.file === file);
      const before = acked && acked.k === 'backup' ? acked.before : 0;
      addWrites(out, checkWrites(db, acks.slice(0, before)), `backup ${path.basename(file)}`);
    } catch (e) {
      // A file under a backup's name that SQLite cannot even read.
      out.integrity += 1;
      out.problems.push(`backup ${path.basename(file)} unreadable: ${(e as Error).message}`);
    } finally {
      db?.close();
    }
  }
  // What the kill left of a copy in progress goes, and nothing else does.
  removePartialBackups(dir);
  const left = fs.existsSync(dir) ? fs.readdirSync(dir).filter(isPartialBackup) : [];
  if (left.length > 0) {
    out.integrity += 1;
    out.problems.push(`partial backups not cleared: ${left.join(', ')}`);
  }
  const kept = listBackups(dir);
  if (kept.length !== complete.length) {
    out.lost += 1;
    out.problems.push('clearing partial backups removed a complete one');
  }
}

/** Whether the purge is done: the mark, its audit entry, every visit's visitors anonymised. */
function purgeState(db: BetterSqlite3.Database): { done: number; named: number; marked: boolean } {
  const named = db
    .prepare(
      `SELECT count(*) FROM requests r, json_each(r.body, '$.visitors') v
        WHERE json_extract(v.value, '$.name') NOT LIKE '访客 %'`,
    )
    .pluck()
    .get() as number;
  const done = db
    .prepare(
      `SELECT count(*) FROM requests r, json_each(r.body, '$.visitors') v
        WHERE json_extract(v.value, '$.name') LIKE '访客 %'`,
    )
    .pluck()
    .get() as number;
  const mark =
    (db
      .prepare("SELECT count(*) FROM settings WHERE key = 'frontdesk.retention'")
      .pluck()
      .get() as number) +
    (db
      .prepare("SELECT count(*) FROM audit_log WHERE operation = 'frontdesk.retention'")
      .pluck()
      .get() as number);
  return { done, named, marked: mark === 2 };
}

async function trial(
  kind: TrialKind,
  i: number,
  o: {
    next: () => WarmChild;
    dir: string;
    t: Templates;
    delays: Record<TrialKind, number>;
    seed: number;
    broken: boolean;
    brokenBackup: boolean;
  },
): Promise<TrialOutcome> {
  const rand = mulberry32(o.seed * 7919 + i);
  const dir = path.join(o.dir, `trial-${i}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, 'reception.db');
  fs.copyFileSync(kind === 'migration' ? o.t.old : kind === 'purge' ? o.t.purge : o.t.base, file);
  const clockMs = kind === 'purge' ? PURGE_CLOCK_MS : CRASH_CLOCK_MS;
  const args: ChildArgs = {
    kind,
    file,
    company: o.t.company,
    seed: o.seed * 1_000_003 + i,
    broken: o.broken,
    brokenBackup: o.brokenBackup,
    ops: null,
    clockMs,
    backupDir: path.join(dir, 'backups'),
  };
  // Writes: after a random number of acknowledged writes, a random part of a write's time later
  // (so the kill lands anywhere in a write, its commit included, whatever the machine's speed).
  // A migration or a purge: anywhere over twice its length uninterrupted (a kill after
  // the commit must find it complete too); the purge six times (its first statements in a fresh
  // child cost far more than in the warm process that timed it: at twice, no kill came after).
  const kill: KillAt =
    kind === 'writes' || kind === 'backup'
      ? {
          on: isWriteAck,
          count: 1 + Math.floor(rand() * KILL_AFTER_WRITES),
          // A quarter of the kills as soon as the acknowledgement is read.
          delayMs: rand() < 0.25 ? 0 : rand() * o.delays[kind],
        }
      : {
          on: (e) => e.k === 'start',
          count: 1,
          delayMs: rand() * o.delays[kind] * (kind === 'purge' ? 6 : 2),
        };
  const t0 = performance.now();
  const run = await o.next().run(args, kill);
  const t1 = performance.now();
  const out: TrialOutcome = {
    ok: false,
    acknowledged: 0,
    lost: 0,
    partial: 0,
    integrity: 0,
    error: false,
    inside: false,
    problems: [],
    backups: 0,
    runMs: t1 - t0,
    checkMs: 0,
  };
  if (!run.killed && run.code !== 0) {
    out.error = true;
    out.problems.push(
      `child failed (exit ${String(run.code)}): ${run.stderr.trim().slice(0, 2000)}`,
    );
  }
  const acks = run.events.filter(isWriteAck);
  out.acknowledged = acks.length;
  try {
    if (kind === 'migration') {
      // What the kill left, read before the app touches the file: the old version, or the new.
      // Read-only: closing it neither checkpoints nor removes the log the kill left.
      const raw = new BetterSqlite3(file, { fileMustExist: true, readonly: true });
      const found = raw.pragma('user_version', { simple: true }) as number;
      raw.close();
      out.inside = found === OLD_VERSION;
      if (found !== OLD_VERSION && found !== LATEST_VERSION) {
        out.partial += 1;
        out.problems.push(`migration left schema version ${found}`);
      }
    }
    const app = reopen(file, clockMs, out);
    if (app) {
      try {
        if (kind === 'writes' || kind === 'backup') {
          addWrites(out, checkWrites(app.sqlite, acks), 'database');
        }
        if (kind === 'backup') checkBackups(args.backupDir, run.events, acks, out);
        if (kind === 'migration') {
          const version = app.sqlite.pragma('user_version', { simple: true }) as number;
          const now = snapshot(app.sqlite);
          const differ = [...o.t.migrated.keys()].filter((k) => now.get(k) !== o.t.migrated.get(k));
          if (version !== LATEST_VERSION || now.size !== o.t.migrated.size || differ.length > 0) {
            out.lost += 1;
            out.problems.push(
              `migrated database differs (version ${version}; ${differ.join(', ')})`,
            );
          }
        }
        if (kind === 'purge') {
          const s = purgeState(app.sqlite);
          out.inside = !s.marked && s.done === 0;
          const whole = s.marked ? s.named === 0 : s.done === 0;
          if (!whole) {
            out.partial += 1;
            out.problems.push(
              `purge partial: mark ${String(s.marked)}, ${s.done} anonymised, ${s.named} named`,
            );
          }
          await purgeExpiredVisitors(app.db, clockMs);
          const again = purgeState(app.sqlite);
          if (!again.marked || again.named !== 0) {
            out.partial += 1;
            out.problems.push(`purge run again did not finish: ${JSON.stringify(again)}`);
          }
          const integrity = integrityOf(app.sqlite);
          if (integrity !== 'ok') {
            out.integrity += 1;
            out.problems.push(`integrity_check after the purge ran again: ${integrity}`);
          }
        }
      } finally {
        await app.close();
      }
    }
  } catch (e) {
    // The file could not even be read as expected: as bad as a failed integrity check.
    out.integrity += 1;
    out.problems.push(`checking failed: ${(e as Error).message}`);
  }
  out.ok = out.lost === 0 && out.partial === 0 && out.integrity === 0 && !out.error;
  out.checkMs = performance.now() - t1;
  return out;
}

/** Runs the child without a kill and returns how long its work took (ms). */
async function calibrate(
  kind: TrialKind,
  o: { next: () => WarmChild; dir: string; t: Templates; broken: boolean },
) {
  const dir = path.join(o.dir, `calibrate-${kind}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, 'reception.db');
  fs.copyFileSync(kind === 'migration' ? o.t.old : kind === 'purge' ? o.t.purge : o.t.base, file);
  const run = await o.next().run(
    {
      kind,
      file,
      company: o.t.company,
      seed: 1,
      broken: o.broken,
      brokenBackup: false,
      ops: CALIBRATION_WRITES,
      clockMs: kind === 'purge' ? PURGE_CLOCK_MS : CRASH_CLOCK_MS,
      backupDir: path.join(dir, 'backups'),
    },
    null,
  );
  const done = run.events.find((e) => e.k === 'done');
  if (run.code !== 0 || !done || done.k !== 'done') {
    throw new Error(`calibration of ${kind} failed (exit ${String(run.code)}): ${run.stderr}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  // Writes: the time of one write; a migration or purge: the whole of it.
  const ms = kind === 'writes' || kind === 'backup' ? done.ms / CALIBRATION_WRITES : done.ms;
  return Math.max(1, Math.round(ms));
}

/** What a run sets up once: the child's bundle, the template databases, the kill windows. */
export interface CrashSetup {
  workDir: string;
  templates: Templates;
  delays: Record<TrialKind, number>;
  /** A warm child (and the next one starts loading). */
  next: () => WarmChild;
  seconds: number;
  /** Ends the spare child and deletes the working folder (unless `keep`). */
  dispose(keep: boolean): void;
}

export async function prepareCrashTest(
  kinds: ReadonlySet<TrialKind> = new Set(ROTATION),
  log: (line: string) => void = () => undefined,
): Promise<CrashSetup> {
  const started = performance.now();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-crash-'));
  const [bundle, templates] = await Promise.all([
    bundleChild(workDir),
    makeTemplates(workDir, kinds),
  ]);
  // One child ahead: taking one starts the next.
  let spare: WarmChild | null = null;
  const next = (): WarmChild => {
    const c = spare ?? warmChild(bundle);
    spare = warmChild(bundle);
    return c;
  };
  // A write's time from a child writing uninterrupted (backups run beside the writes in the same
  // process, so the same); the migration and the purge were timed making the templates.
  const write =
    kinds.has('writes') || kinds.has('backup')
      ? await calibrate('writes', { next, dir: workDir, t: templates, broken: false })
      : 0;
  const delays: Record<TrialKind, number> = {
    writes: write,
    backup: write,
    migration: Math.max(1, Math.round(templates.migrateMs)),
    purge: Math.max(1, Math.round(templates.purgeMs)),
  };
  const seconds = (performance.now() - started) / 1000;
  log(
    `crashtest: setup ${seconds.toFixed(1)} s; load average ${os.loadavg()[0]?.toFixed(1)}; ` +
      `a write's time and kill windows (ms): ` +
      [...kinds].map((k) => `${k} ${delays[k]}`).join(', '),
  );
  return {
    workDir,
    templates,
    delays,
    next,
    seconds,
    dispose(keep) {
      (spare as WarmChild | null)?.discard();
      spare = null;
      if (!keep) fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Runs the trials (on `setup` when given: several runs may share one). */
export async function runCrashTest(
  options: CrashOptions,
  shared?: CrashSetup,
): Promise<CrashReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const broken = options.broken ?? false;
  const brokenBackup = options.brokenBackup ?? false;
  const kindsOf = (i: number): TrialKind =>
    broken ? 'writes' : brokenBackup ? 'backup' : (ROTATION[i % ROTATION.length] as TrialKind);
  const kinds = new Set(Array.from({ length: options.trials }, (_, i) => kindsOf(i)));
  const setup = shared ?? (await prepareCrashTest(kinds, log));
  const { templates: t, delays, next } = setup;
  // Each run's trials in a folder of their own (runs may share a setup).
  const workDir = fs.mkdtempSync(path.join(setup.workDir, 'run-'));
  const report: CrashReport = {
    trials: 0,
    ok: 0,
    acknowledged: 0,
    backups: 0,
    lost: 0,
    partial: 0,
    integrityFailures: 0,
    errors: 0,
    byKind: {
      writes: { trials: 0, ok: 0, inside: 0 },
      migration: { trials: 0, ok: 0, inside: 0 },
      backup: { trials: 0, ok: 0, inside: 0 },
      purge: { trials: 0, ok: 0, inside: 0 },
    },
    seconds: 0,
    setupSeconds: shared ? 0 : setup.seconds,
    runSeconds: 0,
    checkSeconds: 0,
    broken,
    brokenBackup,
    workDir,
  };
  let failedTrials = 0;
  for (let i = 0; i < options.trials; i++) {
    if (options.untilPartial && report.partial > 0) break;
    if (options.untilFailure && report.ok < report.trials) break;
    const kind = kindsOf(i);
    const out = await trial(kind, i, {
      next,
      dir: workDir,
      t,
      delays,
      seed: options.seed,
      broken,
      brokenBackup,
    });
    report.trials += 1;
    report.runSeconds += out.runMs / 1000;
    report.checkSeconds += out.checkMs / 1000;
    report.acknowledged += out.acknowledged;
    report.backups += out.backups;
    report.lost += out.lost;
    report.partial += out.partial;
    report.integrityFailures += out.integrity;
    if (out.error) report.errors += 1;
    const k = report.byKind[kind];
    k.trials += 1;
    if (out.inside) k.inside += 1;
    if (out.ok) {
      report.ok += 1;
      k.ok += 1;
      fs.rmSync(path.join(workDir, `trial-${i}`), { recursive: true, force: true });
    } else {
      failedTrials += 1;
      for (const p of out.problems.slice(0, 5)) log(`trial ${i} (${kind}): ${p}`);
    }
  }
  report.seconds = (performance.now() - started) / 1000;
  const keep = failedTrials > 0 || (options.keep ?? false);
  if (keep) log(`crashtest: databases of failed trials kept in ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
  if (!shared) setup.dispose(keep);
  return report;
}

/** The scorecard's line for item 1 (D1). */
export function summaryLine(r: CrashReport): string {
  const pass = r.ok === r.trials && r.trials > 0;
  return (
    `D1 crash${r.broken ? ' (broken writer)' : r.brokenBackup ? ' (broken backup)' : ''}: ` +
    `${r.ok}/${r.trials} trials ok; ` +
    `lost ${r.lost}; partial ${r.partial}; integrity failures ${r.integrityFailures}` +
    `${r.errors > 0 ? `; child errors ${r.errors}` : ''} — ${pass ? 'pass' : 'FAIL'}`
  );
}

/** The figures behind the line: acknowledged writes, kills inside each kind's work, speed. */
export function detailLine(r: CrashReport): string {
  const k = r.byKind;
  return (
    `crashtest: ${r.acknowledged} acknowledged writes; ` +
    `writes ${k.writes.trials}, migration ${k.migration.trials} (${k.migration.inside} killed before its commit), ` +
    `backup ${k.backup.trials} (${k.backup.inside} killed mid-copy, ${r.backups} complete copies checked), ` +
    `purge ${k.purge.trials} (${k.purge.inside} killed before its commit); ` +
    `${r.seconds.toFixed(1)} s (setup ${r.setupSeconds.toFixed(1)}, children ` +
    `${r.runSeconds.toFixed(1)}, checks ${r.checkSeconds.toFixed(1)}), ` +
    `${(r.trials / r.seconds).toFixed(2)} trials/s`
  );
}
