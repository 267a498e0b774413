import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { companyApp, submitted } from '../../test-support';
import { createApp } from '../../app';
import { dispatch } from '../../api/dispatcher';
import { backupsDirFor, listBackupEntries } from '../../db/backup-folder';
import { LATEST_VERSION } from '../../db/migrations';
import { corruptDatabaseFile, setFileSchemaVersion, tableChecksums } from './test-backups';
import { runBackupIfDue } from './backups';
import { startScheduler } from '../../scheduler';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('backups and restore (sysadmin)', () => {
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

describe('a damaged database at start', () => {
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
