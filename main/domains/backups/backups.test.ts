import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { companyApp, submitted } from '../../test-support';
import { sqliteOnly } from '../../test-postgres';
import { createApp } from '../../app';
import { dispatch } from '../../api/dispatcher';
import { backupsDirFor, findBackup, listBackupEntries } from '../../db/backup-folder';
import { LATEST_VERSION } from '../../db/migrations';
import { corruptDatabaseFile, setFileSchemaVersion, tableChecksums } from './test-backups';
import { fileHost, replaceWithBackup, runBackupIfDue } from './backups';
import { startScheduler } from '../../scheduler';

const HOUR = 3_600_000;
const MINUTE = 60_000;

// Backups are copies of SQLite's file: on PostgreSQL pg_dump is the backup, and these refuse
// (the test below).
describe.skipIf(sqliteOnly)('backups and restore (sysadmin)', () => {
  it('backs up, restores the earlier state, keeps the replaced database aside, and audits it', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: '备份前' });
    const made = await t.ok('backups.create', {}, r.admin.token);
    expect(made.kind).toBe('manual');
    expect(made.schemaVersion).toBe(LATEST_VERSION);
    const before = tableChecksums(t.app.sqlite, ['sessions', 'audit']);
    expect(t.rows("SELECT 1 FROM audit_log WHERE operation = 'backups.create'").length).toBe(1);

    t.advance(MINUTE);
    await submitted(t, r, { orgName: '备份后' });
    expect(t.count('requests')).toBe(2);

    const restored = await t.ok('backups.restore', { id: made.id }, r.admin.token);
    expect(restored.restored.id).toBe(made.id);
    expect(restored.missingFiles).toBe(0);
    expect(
      t.rows<{ org_name: string }>('SELECT org_name FROM requests').map((x) => x.org_name),
    ).toEqual(['备份前']);
    const after = tableChecksums(t.app.sqlite, ['sessions', 'audit']);
    expect(after).toEqual(before);
    // Audited in the restored database; the replaced one is listed and holds the later request.
    expect(t.rows("SELECT 1 FROM audit_log WHERE operation = 'backups.restore'").length).toBe(1);
    const list = await t.ok('backups.list', {}, r.admin.token);
    const aside = list.backups.find((b) => b.id === restored.setAsideId);
    expect(aside?.kind).toBe('replaced');
    // The replaced database can itself be restored: the later request is back.
    await t.ok('backups.restore', { id: restored.setAsideId }, r.admin.token);
    expect(t.count('requests')).toBe(2);
  });

  it('brings back no sign-in that ended after the backup; the restorer stays signed in', async () => {
    const { t, r } = await companyApp();
    const made = await t.ok('backups.create', {}, r.admin.token);
    await t.ok('auth.logout', {}, r.host.token);
    await t.ok('backups.restore', { id: made.id }, r.admin.token);
    // In the restored file the host's session was open: it must not work again.
    const host = await t.fail('requests.list', { scope: 'mine' }, r.host.token);
    expect(['SESSION_EXPIRED', 'UNAUTHENTICATED']).toContain(host.code);
    const head = await t.fail('requests.list', { scope: 'mine' }, r.head.token);
    expect(['SESSION_EXPIRED', 'UNAUTHENTICATED']).toContain(head.code);
    expect((await t.ok('backups.list', {}, r.admin.token)).backups.length).toBeGreaterThan(0);
  });

  it('refuses bad input with a translated message and changes nothing', async () => {
    const { t, r } = await companyApp();
    const good = await t.ok('backups.create', {}, r.admin.token);
    const dir = backupsDirFor(t.file);
    const damagedId = good.id.replace('.manual.', '.daily.');
    fs.copyFileSync(path.join(dir, good.id), path.join(dir, damagedId));
    corruptDatabaseFile(path.join(dir, damagedId));
    const newerId = good.id.replace('.manual.', '.migration.');
    fs.copyFileSync(path.join(dir, good.id), path.join(dir, newerId));
    setFileSchemaVersion(path.join(dir, newerId), LATEST_VERSION + 1);
    await submitted(t, r, { orgName: '不变' });
    const snapshot = t.snapshot(['requests', 'users', 'settings']);

    const path1 = await t.fail('backups.restore', { id: '../../etc/passwd' }, r.admin.token);
    expect(path1.code).toBe('INVALID_INPUT');
    expect(path1.fieldErrors?.id?.key).toBe('backups.errors.badId');
    const missing = await t.fail(
      'backups.restore',
      { id: '20200101T000000000Z.manual.abcd.db' },
      r.admin.token,
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', key: 'backups.errors.notFound' });
    const damaged = await t.fail('backups.restore', { id: damagedId }, r.admin.token);
    expect(damaged).toMatchObject({ code: 'CONFLICT', key: 'backups.errors.damaged' });
    const newer = await t.fail('backups.restore', { id: newerId }, r.admin.token);
    expect(newer).toMatchObject({ code: 'CONFLICT', key: 'backups.errors.newer' });
    expect(newer.message).toContain(String(LATEST_VERSION + 1));
    const host = await t.fail('backups.restore', { id: good.id }, r.host.token);
    expect(host.code).toBe('FORBIDDEN');
    const recover = await t.fail('backups.recover', { id: good.id }, null);
    expect(recover).toMatchObject({ code: 'CONFLICT', key: 'backups.errors.notDamaged' });

    expect(t.snapshot(['requests', 'users', 'settings'])).toEqual(snapshot);
    expect(listBackupEntries(dir).filter((b) => b.kind === 'replaced')).toEqual([]);
  });

  it('keeps the last K: the daily backup is due once a day, and pruning holds', async () => {
    const { t, r } = await companyApp();
    await t.ok('backups.setKeep', { keep: 3 }, r.admin.token);
    const bad = await t.fail('backups.setKeep', { keep: 0 }, r.admin.token);
    expect(bad.fieldErrors?.keep?.key).toBe('backups.errors.keepRange');
    const dir = backupsDirFor(t.file);
    let made = 0;
    for (let i = 0; i < 12; i++) {
      if (await runBackupIfDue(t.app, t.now())) made += 1;
      // A second round the same hour makes none.
      expect(await runBackupIfDue(t.app, t.now())).toBeNull();
      t.advance(24 * HOUR);
    }
    expect(made).toBe(12);
    expect(listBackupEntries(dir).filter((b) => b.kind === 'daily')).toHaveLength(3);
  });
});

// The swap of SQLite's file for a backup's.
describe.skipIf(sqliteOnly)('the swap of a restore', () => {
  it('stopped halfway, it leaves the app open on the database it had', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: '换库之前' });
    const before = tableChecksums(t.app.sqlite, ['sessions']);
    let rolledBack = 0;
    await expect(
      t.app.host.replace(
        () => {
          throw new Error('disk trouble halfway');
        },
        () => {
          rolledBack += 1;
        },
      ),
    ).rejects.toThrow(/halfway/);
    expect(rolledBack).toBe(1);
    // The calls after it are served, from the same data.
    expect((await t.ok('backups.list', {}, r.admin.token)).backups).toEqual([]);
    expect(tableChecksums(t.app.sqlite, ['sessions'])).toEqual(before);
  });

  it('a restore whose swap fails says so, and the database stays as it was', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: '备份前' });
    const made = await t.ok('backups.create', {}, r.admin.token);
    await submitted(t, r, { orgName: '备份后' });
    const original = fs.renameSync;
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (String(from).includes('.restoring-')) throw new Error('EIO: the disk failed');
      original(from, to);
    });
    const failed = await t.fail('backups.restore', { id: made.id }, r.admin.token);
    spy.mockRestore();
    expect(failed.key).toBe('backups.errors.restoreFailed');
    expect(t.count('requests')).toBe(2);
    await submitted(t, r, { orgName: '之后照常' });
    expect(t.count('requests')).toBe(3);
  });

  it('at no step is there no database at the live name, and two swaps run one after the other', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: '第一' });
    const one = await t.ok('backups.create', {}, r.admin.token);
    t.advance(MINUTE);
    await submitted(t, r, { orgName: '第二' });
    const two = await t.ok('backups.create', {}, r.admin.token);
    t.advance(MINUTE);
    await submitted(t, r, { orgName: '第三' });

    // After every step on the files the swaps take, the live name is there: killed at any of
    // them, the app would start on a database, never on none.
    let steps = 0;
    let missing = 0;
    const spies = (['renameSync', 'linkSync', 'rmSync', 'copyFileSync'] as const).map((name) => {
      const original = fs[name] as (...args: unknown[]) => unknown;
      return vi.spyOn(fs, name).mockImplementation((...args: unknown[]) => {
        const out = original(...args);
        steps += 1;
        if (!fs.existsSync(t.file)) missing += 1;
        return out as never;
      });
    });
    // Two swaps at once (as two restores whose calls got past their checks together).
    const host = fileHost(t.app.host);
    const dir = backupsDirFor(t.file);
    const entry = (id: string) => {
      const found = findBackup(dir, id);
      if (!found) throw new Error(`no backup ${id}`);
      return found;
    };
    const [a, b] = await Promise.all([
      replaceWithBackup(host, entry(one.id), 'replaced', t.now()),
      replaceWithBackup(host, entry(two.id), 'replaced', t.now() + 1_000),
    ]);
    for (const spy of spies) spy.mockRestore();
    expect(missing).toBe(0);
    expect(steps).toBeGreaterThan(6);
    // The second swap replaced what the first had restored; the app is on the second.
    const names = (file: string) => {
      const db = new BetterSqlite3(file, { readonly: true });
      try {
        return (
          db.prepare('SELECT org_name FROM requests ORDER BY id').all() as {
            org_name: string;
          }[]
        ).map((x) => x.org_name);
      } finally {
        db.close();
      }
    };
    expect(names(path.join(dir, a.asideId))).toEqual(['第一', '第二', '第三']);
    expect(names(path.join(dir, b.asideId))).toEqual(['第一']);
    expect(
      t
        .rows<{ org_name: string }>('SELECT org_name FROM requests ORDER BY id')
        .map((x) => x.org_name),
    ).toEqual(['第一', '第二']);
    // Nothing left beside the live file but the database and its log.
    const stray = fs
      .readdirSync(path.dirname(t.file))
      .filter((f) => f.startsWith(path.basename(t.file)) && f.includes('.restoring-'));
    expect(stray).toEqual([]);
  });
});

// A damaged SQLite file and the backups beside it.
describe.skipIf(sqliteOnly)('a damaged database at start', () => {
  it('opens in recovery mode, offers the newest good backup, and restores it', async () => {
    const { t, r } = await companyApp();
    const older = await t.ok('backups.create', {}, r.admin.token);
    t.advance(MINUTE);
    const newest = await t.ok('backups.create', {}, r.admin.token);
    // The newest backup is damaged too: the offer skips it.
    corruptDatabaseFile(path.join(backupsDirFor(t.file), newest.id));
    await t.app.close();
    corruptDatabaseFile(t.file);

    // A year on, the scheduler's round must not treat the backups as expired: in recovery mode
    // the settings are a stand-in's, and the backups are what the screen offers.
    t.advance(365 * 86_400_000);
    for (const id of [older.id, newest.id]) {
      const f = path.join(backupsDirFor(t.file), id);
      const at = (t.now() - 360 * 86_400_000) / 1000;
      fs.utimesSync(f, at, at);
    }
    const app = createApp(t.file, { clock: () => t.now() });
    try {
      expect(app.host.damaged).not.toBeNull();
      const scheduler = startScheduler(app, { everyMs: null });
      await scheduler.tick();
      await scheduler.stop();
      expect(listBackupEntries(backupsDirFor(t.file)).map((b) => b.id)).toEqual(
        expect.arrayContaining([older.id, newest.id]),
      );
      const call = (op: string, input: unknown = {}, token: string | null = null) =>
        dispatch(app, { op, input, token });
      const status = (await call('backups.recoveryStatus')).result;
      expect(status).toMatchObject({
        ok: true,
        value: { damaged: true, refused: 1, offer: { id: older.id } },
      });
      const login = (await call('auth.login', { login: 'admin', password: 'x' })).result;
      expect(login).toMatchObject({ ok: false, error: { key: 'backups.errors.damagedDatabase' } });
      const wrong = (await call('backups.recover', { id: newest.id })).result;
      expect(wrong).toMatchObject({ ok: false, error: { key: 'backups.errors.notOffered' } });
      const done = (await call('backups.recover', { id: older.id })).result;
      expect(done).toMatchObject({ ok: true });
      expect(app.host.damaged).toBeNull();
      expect(app.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      expect(listBackupEntries(backupsDirFor(t.file)).some((b) => b.kind === 'damaged')).toBe(true);
      expect((await call('backups.recoveryStatus')).result).toMatchObject({
        value: { damaged: false },
      });
    } finally {
      await app.close();
    }
  });
});

describe.runIf(sqliteOnly)('backups on PostgreSQL', () => {
  it('refuse with a translated message pointing to pg_dump, and change nothing', async () => {
    const { t, r } = await companyApp();
    const before = t.snapshot();
    const refusal = { code: 'CONFLICT', key: 'backups.errors.postgres' };
    expect(await t.fail('backups.list', {}, r.admin.token)).toMatchObject(refusal);
    const created = await t.fail('backups.create', {}, r.admin.token);
    expect(created).toMatchObject(refusal);
    expect(created.message).toContain('pg_dump');
    expect(await t.fail('backups.setKeep', { keep: 3 }, r.admin.token)).toMatchObject(refusal);
    expect(
      await t.fail('backups.restore', { id: '20200101T000000000Z.manual.abcd.db' }, r.admin.token),
    ).toMatchObject(refusal);
    // Still the sysadmin's: a host is refused as before.
    expect((await t.fail('backups.create', {}, r.host.token)).code).toBe('FORBIDDEN');
    expect(await runBackupIfDue(t.app, t.now())).toBeNull();
    expect(t.snapshot()).toEqual(before);
  });
});
