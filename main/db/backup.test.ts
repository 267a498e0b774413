import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { companyApp, submitted } from '../test-support';
import { backupDatabase, isPartialBackup, listBackups, removePartialBackups } from './backup';
import { LATEST_VERSION } from './migrations';

function readBackup(file: string) {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      version: db.pragma('user_version', { simple: true }) as number,
      orgs: (
        db.prepare('SELECT org_name FROM requests ORDER BY id').all() as { org_name: string }[]
      ).map((r) => r.org_name),
    };
  } finally {
    db.close();
  }
}

describe('online backup', () => {
  it('copies the live database, with a write made during the copy, under its own name', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r, { orgName: '备份前' });
    const dir = path.join(t.dir, 'backups');
    const target = path.join(dir, 'daily-1.db');
    // One page per step: the copy spans many turns of the event loop, and the submit runs between.
    const copying = backupDatabase(t.app.sqlite, target, { pagesPerStep: 1 });
    const partialThere = () => fs.existsSync(dir) && fs.readdirSync(dir).some(isPartialBackup);
    for (let turn = 0; turn < 1000 && !partialThere(); turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await submitted(t, r, { orgName: '备份中' });
    expect(fs.readdirSync(dir).some(isPartialBackup)).toBe(true);
    expect(listBackups(dir)).toEqual([]);
    await expect(copying).resolves.toBe(target);
    expect(listBackups(dir)).toEqual([target]);
    expect(fs.readdirSync(dir).filter(isPartialBackup)).toEqual([]);
    expect(readBackup(target)).toEqual({
      integrity: 'ok',
      version: LATEST_VERSION,
      orgs: t
        .rows<{ org_name: string }>('SELECT org_name FROM requests ORDER BY id')
        .map((x) => x.org_name),
    });
    expect(readBackup(target).orgs).toEqual(['备份前', '备份中']);
  });

  it('never overwrites a kept backup', async () => {
    const { t, r } = await companyApp();
    const target = await backupDatabase(t.app.sqlite, path.join(t.dir, 'backups', 'a.db'));
    const before = fs.readFileSync(target);
    await submitted(t, r);
    await expect(backupDatabase(t.app.sqlite, target)).rejects.toThrow(/exists already/);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['a.db']);
  });

  it('of two backups of one name started at once, the second to finish fails and replaces nothing', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r);
    const target = path.join(t.dir, 'backups', 'same.db');
    // Both pass the "exists already?" check before either has finished copying.
    const results = await Promise.allSettled([
      backupDatabase(t.app.sqlite, target, { pagesPerStep: 1 }),
      backupDatabase(t.app.sqlite, target, { pagesPerStep: 1 }),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(
      String((results.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason),
    ).toMatch(/exists already/);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['same.db']);
    expect(readBackup(target).integrity).toBe('ok');
  });

  it('lists only complete backups and clears what interrupted ones left', async () => {
    const { t } = await companyApp();
    const dir = path.join(t.dir, 'backups');
    const done = await backupDatabase(t.app.sqlite, path.join(dir, '2026-12-01.db'));
    for (const leftover of [
      '2026-12-02.db.partial-0a1b2c',
      '2026-12-02.db.partial-0a1b2c-journal',
    ]) {
      fs.writeFileSync(path.join(dir, leftover), 'half a copy');
    }
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    expect(listBackups(dir)).toEqual([done]);
    // A partial file written to a minute ago may be a backup running now: the purge's
    // variant leaves it; an hour on, it is a leftover.
    const now = Date.now();
    expect(removePartialBackups(dir, 3_600_000, now + 60_000)).toBe(0);
    expect(removePartialBackups(dir, 3_600_000, now + 2 * 3_600_000)).toBe(2);
    fs.writeFileSync(path.join(dir, '2026-12-02.db.partial-0a1b2c'), 'half a copy');
    expect(removePartialBackups(dir)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['2026-12-01.db', 'notes.txt']);
    expect(listBackups(path.join(t.dir, 'none'))).toEqual([]);
    await expect(backupDatabase(t.app.sqlite, path.join(dir, 'x.db.partial-1'))).rejects.toThrow(
      /may not contain/,
    );
  });
});
