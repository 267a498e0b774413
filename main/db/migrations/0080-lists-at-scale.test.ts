import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { companyApp, decideAs, submitted } from '../../test-support';
import { migrate } from '../migrate';
import { MIGRATIONS } from '.';
import { rebuildDerived } from '../derived';

/** The derived tables' contents, in a stable order. */
function derived(db: Database) {
  const search = (table: string, match: string) =>
    (
      db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).all(match) as {
        rowid: number;
      }[]
    ).map((r) => r.rowid);
  return {
    counts: db.prepare('SELECT * FROM request_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4').all(),
    stats: db.prepare('SELECT * FROM request_stats ORDER BY key').all(),
    // Every request and every audit entry is in its index: a single character of its text finds
    // it (every request's code has "jd", every entry's operation a ".").
    requests: search('request_search', '"00006a"*'),
    audit: search('audit_search', '"00002e"*'),
    revisions: db
      .prepare(
        `SELECT request_id, revision, policy_version, submitted_at_ms, submitted_by, checks,
                budget, body FROM request_revisions ORDER BY request_id, revision`,
      )
      .all(),
  };
}

describe('migration 0080 (lists at scale)', () => {
  it('builds the counters and the search indexes from the rows already there, and keeps every revision', async () => {
    const { t, r } = await companyApp();
    const a = await submitted(t, r, { orgName: '华东精密' });
    await submitted(t, r, {
      orgName: '上海电气',
      arrivalDate: '2026-12-10',
      departureDate: '2026-12-14',
    });
    await decideAs(t, r.head.token, a.id, 'approve');
    const sqlite = t.app.sqlite;
    const kept = derived(sqlite);
    expect(kept.requests).toHaveLength(2);
    expect(kept.revisions).toHaveLength(2);
    expect(kept.audit.length).toBeGreaterThan(5);
    expect(kept.stats).toEqual([{ key: 'max_stay_days', value: 4 }]);

    // Back to schema 70 (what 0080 added, removed), then forward again.
    sqlite.exec(`
      DROP TRIGGER requests_count_insert; DROP TRIGGER requests_count_delete;
      DROP TRIGGER requests_count_update; DROP TRIGGER requests_stay_insert;
      DROP TRIGGER requests_stay_update;
      DROP TABLE request_counts; DROP TABLE request_stats;
      DROP TABLE request_search; DROP TABLE audit_search;
      DROP INDEX requests_updated; DROP INDEX requests_arrival; DROP INDEX requests_budget;
      DROP INDEX requests_host_updated; DROP INDEX requests_host_arrival;
      DROP INDEX requests_host_budget; DROP INDEX requests_department_updated;
      DROP INDEX requests_department_arrival; DROP INDEX requests_department_budget;
      DROP INDEX audit_log_operation; DROP INDEX audit_log_actor; DROP INDEX audit_log_type;
      DROP INDEX notifications_unread;
      CREATE INDEX requests_host ON requests(host_user_id);
      CREATE TABLE revisions_70 (
        request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body)),
        checks TEXT NOT NULL CHECK (json_valid(checks)),
        budget TEXT NOT NULL CHECK (json_valid(budget)),
        policy_version INTEGER NOT NULL REFERENCES policy_versions(version),
        submitted_at_ms INTEGER NOT NULL,
        submitted_by INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (request_id, revision)
      ) WITHOUT ROWID;
      INSERT INTO revisions_70 SELECT request_id, revision, body, checks, budget, policy_version,
        submitted_at_ms, submitted_by FROM request_revisions;
      DROP TABLE request_revisions;
      ALTER TABLE revisions_70 RENAME TO request_revisions;
      PRAGMA user_version = 70;
    `);
    expect(
      migrate(
        sqlite,
        MIGRATIONS.filter((m) => m.version <= 80),
      ),
    ).toBe(80);
    expect(derived(sqlite)).toEqual(kept);

    // What the write paths maintain one row at a time is what a rebuild makes of all rows.
    rebuildDerived(sqlite);
    expect(derived(sqlite)).toEqual(kept);
    const found = await t.ok('requests.list', { scope: 'all', search: '电气' }, r.office.token);
    expect(found.items.map((i) => i.orgName)).toEqual(['上海电气']);
  });
});
