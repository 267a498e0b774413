/**
 * The backups' proof in figures (scorecard D2; its small run is a unit test): through the real
 * dispatcher and a real database file,
 * - round trips: back up (the sysadmin's "back up now"), write more, restore, and the database
 *   equals the backup table by table (a checksum of every table's rows);
 * - bad backups refused with nothing changed: a damaged one, one from a newer schema, one that is
 *   not the app's database;
 * - a damaged live database found at start, the app in recovery mode offering the newest good
 *   backup (skipping a damaged newer one), and the recovery restoring it;
 * - keep-K: after many daily backups, exactly K are left.
 * `broken: true` restores without replacing anything (a no-op swap): the round trips must fail,
 * which shows the check can.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type RunningApp } from '../../app';
import { dispatch } from '../../api/dispatcher';
import { backupsDirFor, listBackupEntries } from '../../db/backup-folder';
import { LATEST_VERSION } from '../../db/migrations';
import { runBackupIfDue } from './backups';
import { corruptDatabaseFile, setFileSchemaVersion, tableChecksums } from './test-backups';

export interface RoundTripOptions {
  roundTrips: number;
  /** How many daily backups the keep-K check makes (K is 7). */
  dailies: number;
  /** Writes between a backup and its restore. */
  writesBetween?: number;
  broken?: boolean;
  log?: (line: string) => void;
}

export interface RoundTripReport {
  roundTrips: number;
  verified: number;
  badBackups: number;
  refused: number;
  recoveries: number;
  recovered: number;
  dailies: number;
  kept: number;
  keep: number;
}

const KEEP = 7;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** What a call changes besides its subject (the session's activity, the audit log's entries). */
const VOLATILE = ['sessions', 'audit'];

export async function runBackupRoundTrips(options: RoundTripOptions): Promise<RoundTripReport> {
  const log = options.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-d2-'));
  const file = path.join(dir, 'reception.db');
  let now = Date.UTC(2026, 11, 2, 9, 0, 0);
  const clock = () => now;
  let app: RunningApp = createApp(file, { clock });
  const report: RoundTripReport = {
    roundTrips: options.roundTrips,
    verified: 0,
    badBackups: 3,
    refused: 0,
    recoveries: 1,
    recovered: 0,
    dailies: options.dailies,
    kept: 0,
    keep: KEEP,
  };
  const call = async (op: string, input: unknown, token: string | null) =>
    (await dispatch(app, { op, input, token })).result;
  const must = async <T>(op: string, input: unknown, token: string | null): Promise<T> => {
    const r = await call(op, input, token);
    if (!r.ok) throw new Error(`${op} failed: ${r.error.message}`);
    return r.value as T;
  };
  try {
    const setup = await dispatch(app, {
      op: 'setup.createAdmin',
      input: {
        companyName: '备份公司',
        login: 'admin',
        displayName: '王管理',
        password: 'correct horse 1',
      },
      token: null,
    });
    if (!setup.result.ok || typeof setup.session !== 'string') throw new Error('setup failed');
    const token = setup.session;
    const writesBetween = options.writesBetween ?? 3;
    let n = 0;
    const write = () =>
      must('departments.create', { name: `部门 ${++n}`, headUserId: null }, token);
    await write();

    for (let i = 0; i < options.roundTrips; i++) {
      now += MINUTE;
      const backup = await must<{ id: string }>('backups.create', {}, token);
      const before = tableChecksums(app.sqlite, VOLATILE);
      for (let w = 0; w < writesBetween; w++) await write();
      if (options.broken) {
        // The self-test: a "restore" that leaves the live database as it is.
        await must('backups.list', {}, token);
      } else {
        await must('backups.restore', { id: backup.id }, token);
      }
      const after = tableChecksums(app.sqlite, VOLATILE);
      const differing = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
      if (differing.length === 0) report.verified += 1;
      else log(`D2 round trip ${i + 1}: tables differ after the restore: ${differing.join(', ')}`);
      await write();
    }

    // Bad backups: each refused, the database unchanged.
    const good = await must<{ id: string }>('backups.create', {}, token);
    const folder = backupsDirFor(file);
    const copy = (kind: string) => {
      const id = good.id.replace('.manual.', `.${kind}.`);
      fs.copyFileSync(path.join(folder, good.id), path.join(folder, id));
      return { id, file: path.join(folder, id) };
    };
    const damaged = copy('daily');
    corruptDatabaseFile(damaged.file);
    const newer = copy('migration');
    setFileSchemaVersion(newer.file, LATEST_VERSION + 1);
    const foreign = copy('replaced');
    fs.writeFileSync(foreign.file, 'not a database at all');
    for (const bad of [damaged, newer, foreign]) {
      const before = tableChecksums(app.sqlite, VOLATILE);
      const r = await call('backups.restore', { id: bad.id }, token);
      const after = tableChecksums(app.sqlite, VOLATILE);
      const unchanged = JSON.stringify(before) === JSON.stringify(after);
      if (!r.ok && r.error.code === 'CONFLICT' && unchanged) report.refused += 1;
      else log(`D2: the bad backup ${bad.id} was not refused cleanly (${JSON.stringify(r)})`);
    }
    for (const bad of [damaged, newer, foreign]) fs.rmSync(bad.file);

    // Keep-K over many days of daily backups.
    await must('backups.setKeep', { keep: KEEP }, token);
    for (let d = 0; d < options.dailies; d++) {
      now += DAY;
      await runBackupIfDue(app, now);
    }
    report.kept = listBackupEntries(folder).filter((b) => b.kind === 'daily').length;

    // A damaged live database at start: the newest good backup is offered and restored; a newer
    // damaged backup is skipped.
    now += MINUTE;
    const signIn = await dispatch(app, {
      op: 'auth.login',
      input: { login: 'admin', password: 'correct horse 1' },
      token: null,
    });
    const fresh = typeof signIn.session === 'string' ? signIn.session : token;
    const offered = await must<{ id: string }>('backups.create', {}, fresh);
    const expected = tableChecksums(app.sqlite, VOLATILE);
    now += MINUTE;
    const newest = await must<{ id: string }>('backups.create', {}, fresh);
    corruptDatabaseFile(path.join(folder, newest.id));
    await app.close();
    corruptDatabaseFile(file);
    app = createApp(file, { clock });
    const status = await must<{ damaged: boolean; offer: { id: string } | null }>(
      'backups.recoveryStatus',
      {},
      null,
    );
    if (status.damaged && status.offer?.id === offered.id) {
      await must('backups.recover', { id: offered.id }, null);
      const got = tableChecksums(app.sqlite, VOLATILE);
      const healthy = app.sqlite.pragma('quick_check', { simple: true }) === 'ok';
      if (healthy && !app.host.damaged && JSON.stringify(got) === JSON.stringify(expected)) {
        report.recovered += 1;
      } else log('D2: the recovered database is not the offered backup');
    } else {
      log(`D2: recovery offered ${JSON.stringify(status)}, expected ${offered.id}`);
    }
    return report;
  } finally {
    await app.close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportPasses(r: RoundTripReport): boolean {
  return (
    r.roundTrips > 0 &&
    r.verified === r.roundTrips &&
    r.refused === r.badBackups &&
    r.recovered === r.recoveries &&
    r.kept === Math.min(r.keep, r.dailies)
  );
}

export function reportFigures(r: RoundTripReport): string {
  return (
    `${r.verified}/${r.roundTrips} restores verified; ${r.refused}/${r.badBackups} bad backups refused; ` +
    `damaged database detected and recovered ${r.recovered}/${r.recoveries}; kept ${r.kept} of ${r.dailies}`
  );
}
