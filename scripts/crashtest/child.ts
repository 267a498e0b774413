/**
 * The crash test's child (bundled once per run by harness.ts, then started for each trial, one
 * ahead: it loads the app, then waits for its trial's arguments on stdin): real
 * app writes through the dispatcher against a database file, each acknowledged on stdout after its
 * commit, until the parent kills it. Kinds (protocol.ts):
 * - writes: submits, approval decisions and expense lines, chosen at random;
 * - backup: the same writes, with online backups (main/db/backup.ts) running meanwhile;
 * - migration: opens a database of an older schema version (the app migrates it on opening);
 * - purge: runs the front desk's retention purge on a database full of expired visits.
 * (Not a test file and no vitest import: it runs outside the test runner.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Statement } from 'better-sqlite3';
import { dispatch } from '../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../main/app';
import { backupDatabase } from '../../main/db/backup';
import type { DB } from '../../main/db/schema';
import { purgeExpiredVisitors } from '../../main/domains/frontdesk';
import type { OperationName } from '../../shared/contract/names';
import type { OpInput, OpOutput } from '../../shared/contract/operations';
import { newRequest, visitor } from './company';
import type { ChildArgs, ChildEvent, WriteAck } from './protocol';
import { lineInput, mulberry32 } from './random';

/** A backup's pages per turn of the event loop: a copy spans several writes, a trial several copies. */
const PAGES_PER_STEP = 64;

/** Synchronous: the line is in the pipe before anything else happens. */
function say(e: ChildEvent): void {
  fs.writeSync(1, `${JSON.stringify(e)}\n`);
}

function fail(message: string): never {
  fs.writeSync(2, `crash child: ${message}\n`);
  process.exit(2);
}

/**
 * The deliberately broken writer: every write transaction of the dispatcher is committed in two,
 * right after its first data-changing statement, and the write is acknowledged there. A kill
 * between the two commits leaves an acknowledged write half done: the harness must see it.
 */
function splitCommits(app: RunningApp, ackNow: () => void): RunningApp {
  const inner = app.statements;
  let inWrite = false;
  let split = false;
  const after = (stmt: Statement, fn: () => void): Statement =>
    new Proxy(stmt, {
      get(target, prop, receiver) {
        const v: unknown = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        const f = v as (...a: unknown[]) => unknown;
        if (!['all', 'get', 'run'].includes(String(prop))) return f.bind(target);
        return (...args: unknown[]) => {
          const out = f.apply(target, args);
          fn();
          return out;
        };
      },
    });
  const handle = {
    close: () => inner.close(),
    prepare: (sqlText: string): Statement => {
      const stmt = inner.prepare(sqlText);
      const s = sqlText.trim().toLowerCase();
      if (s === 'begin immediate') {
        return after(stmt, () => {
          inWrite = true;
          split = false;
        });
      }
      if (s === 'commit' || s === 'rollback') return after(stmt, () => (inWrite = false));
      if (!/^(insert|update|delete|replace)\b/.test(s)) return stmt;
      return after(stmt, () => {
        if (!inWrite || split) return;
        split = true;
        app.sqlite.exec('COMMIT');
        ackNow();
        app.sqlite.exec('BEGIN IMMEDIATE');
      });
    },
  };
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: handle }),
    plugins: [new CamelCasePlugin()],
  });
  return { ...app, db };
}

interface Writer {
  /** One random logical write, acknowledged after its commit. */
  step(): Promise<void>;
  acks(): number;
}

function writer(baseApp: RunningApp, args: ChildArgs): Writer {
  const rand = mulberry32(args.seed);
  const c = args.company;
  let pending: WriteAck | null = null;
  let acked = 0;
  const ack = () => {
    if (!pending) return;
    say(pending);
    pending = null;
    acked += 1;
  };
  const app = args.broken ? splitCommits(baseApp, ack) : baseApp;
  const call = async <N extends OperationName>(op: N, input: OpInput<N>, token: string) => {
    const out = await dispatch(app, { op, input, token });
    if (!out.result.ok) fail(`${op}: ${JSON.stringify(out.result.error)}`);
    return out.result.value as OpOutput<N>;
  };
  // Requests waiting for the department head, then for the admin office (a C-tier client visit).
  const atHead: number[] = [];
  const atOffice: number[] = [];
  const filed = [...c.filed];
  let seq = 0;
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;

  return {
    acks: () => acked,
    async step() {
      seq += 1;
      const r = rand();
      if (r < 0.4 || atHead.length + atOffice.length === 0) {
        const m = `崩溃 S${seq}`;
        const n = 1 + Math.floor(rand() * 5);
        pending = { k: 'submit', m, n };
        const visitors = Array.from({ length: n }, (_, i) => visitor(`${m}·${i + 1}`));
        const d = await call('requests.submit', newRequest({ orgName: m, visitors }), c.host);
        atHead.push(d.id);
      } else if (r < 0.75) {
        const m = `D${seq}`;
        const office = atHead.length === 0 || (atOffice.length > 0 && rand() < 0.5);
        const queue = office ? atOffice : atHead;
        const id = queue.splice(Math.floor(rand() * queue.length), 1)[0] as number;
        const who = office ? c.office : c.head;
        const d = await call('requests.get', { id }, who);
        if (!d.myStep) fail(`request ${id}: no step for ${office ? 'the office' : 'the head'}`);
        pending = { k: 'decide', m };
        await call(
          'approvals.decide',
          { stepId: d.myStep.stepId, version: d.myStep.version, action: 'approve', comment: m },
          who,
        );
        (office ? filed : atOffice).push(id);
      } else {
        const m = `L${seq}`;
        pending = { k: 'line', m };
        await call(
          'expenses.saveLine',
          { requestId: pick(filed), id: null, version: null, line: lineInput(seq, m, rand) },
          c.host,
        );
      }
      ack(); // the commit has returned (broken mode: acknowledged already)
    },
  };
}

async function writeUntilKilled(app: RunningApp, args: ChildArgs, w = writer(app, args)) {
  const started = Date.now();
  for (let i = 0; args.ops === null || i < args.ops; i++) {
    await w.step();
    // A turn of the event loop between writes, as between a real app's requests: a backup's
    // steps (setImmediate) run there.
    await new Promise((resolve) => setImmediate(resolve));
  }
  say({ k: 'done', ms: Date.now() - started });
}

/** The first line on stdin: the parent starts a child early and sends its trial when due. */
function firstLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d: string) => {
      text += d;
      const nl = text.indexOf('\n');
      if (nl >= 0) {
        process.stdin.pause();
        resolve(text.slice(0, nl));
      }
    });
    process.stdin.on('end', () => reject(new Error('no trial on stdin')));
  });
}

async function main() {
  const args = JSON.parse(await firstLine()) as ChildArgs;
  const clock = () => args.clockMs;
  if (args.kind === 'migration') {
    say({ k: 'start' });
    const started = Date.now();
    const app = createApp(args.file, { clock });
    say({ k: 'done', ms: Date.now() - started });
    await app.close();
    return;
  }
  const app = createApp(args.file, { clock });
  say({ k: 'ready' });
  if (args.kind === 'writes') {
    await writeUntilKilled(app, args);
  } else if (args.kind === 'backup') {
    const w = writer(app, args);
    let backups = 0;
    let writing = true;
    const copies = (async () => {
      while (writing) {
        backups += 1;
        const before = w.acks();
        const file = path.join(args.backupDir, `b-${backups}.db`);
        fs.mkdirSync(args.backupDir, { recursive: true });
        if (args.brokenBackup) await app.sqlite.backup(file, { progress: () => PAGES_PER_STEP });
        else await backupDatabase(app.sqlite, file, { pagesPerStep: PAGES_PER_STEP });
        say({ k: 'backup', file, before });
      }
    })();
    await writeUntilKilled(app, args, w);
    writing = false;
    await copies;
  } else {
    say({ k: 'start' });
    const started = Date.now();
    await purgeExpiredVisitors(app.db, args.clockMs);
    say({ k: 'done', ms: Date.now() - started });
  }
  await app.close();
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
