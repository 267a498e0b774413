import { describe, expect, it } from 'vitest';
import { companyApp, submitted } from '../../test-support';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';
import { tableNames } from './test-helpers';

describe('migration 0120 (attachments)', () => {
  it('adds the attachments table to a database in use, changing nothing else', async () => {
    const { t, r } = await companyApp();
    await submitted(t, r);
    const sqlite = t.app.sqlite;
    // Back to schema 110, then forward.
    sqlite.exec('DROP TABLE attachments; PRAGMA user_version = 110;');
    const others = tableNames(sqlite);
    const before = t.snapshot(others);
    expect(
      migrate(
        sqlite,
        MIGRATIONS.filter((m) => m.version <= 120),
      ),
    ).toBe(120);
    expect(tableNames(sqlite)).toEqual([...others, 'attachments'].sort());
    expect(t.snapshot(others)).toEqual(before);
    const index = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'attachments_owner'")
      .get() as { sql: string };
    expect(index.sql).toMatch(/\(owner_type, owner_id, id\)/);
  });

  it('its checks refuse what the service never writes: another type, a bad hash, no size', async () => {
    const { t, r } = await companyApp();
    const insert = t.app.sqlite.prepare(
      `INSERT INTO attachments (owner_type, owner_id, sha256, mime, size_bytes, file_name,
         uploaded_by, uploaded_at_ms) VALUES ('request', 1, ?, ?, ?, 'a', ?, 0)`,
    );
    const sha = 'a'.repeat(64);
    expect(() => insert.run(sha, 'application/pdf', 10, r.host.userId)).not.toThrow();
    expect(() => insert.run(sha, 'application/x-msdownload', 10, r.host.userId)).toThrow(/CHECK/);
    expect(() => insert.run('abc', 'application/pdf', 10, r.host.userId)).toThrow(/CHECK/);
    expect(() => insert.run(sha, 'application/pdf', 0, r.host.userId)).toThrow(/CHECK/);
    expect(() => insert.run(sha, 'application/pdf', 10, 999_999)).toThrow(/FOREIGN KEY/);
  });
});
