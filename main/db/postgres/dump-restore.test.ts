/**
 * The README's backup of an office server on PostgreSQL, done as it says (issue 14, item 5):
 * `pg_dump -Fc` of a database the app wrote, `pg_restore` into a new empty database, and the
 * restored one holds every row as it was and serves the app — sign-in, the list, the next
 * request code. Runs in the `postgres` project (vitest.config.ts).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatcher';
import { createPostgresApp } from '../../app-postgres';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  forget,
  queryRows,
  tableNames,
} from '../../test-postgres';
import {
  ADMIN,
  makeTestApp,
  receptionCompany,
  requestBody,
  START_MS,
  USER_PASSWORD,
} from '../../test-support';

/** Every row of every table, sorted: two databases with equal snapshots hold the same data. */
function snapshot(url: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const table of tableNames(url)) {
    out[table] = queryRows<unknown>(url, `SELECT * FROM ${table}`, [])
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return out;
}

describe('an office server on PostgreSQL backed up with pg_dump and restored with pg_restore', () => {
  it('restores every row, and the app runs on the restored database', async () => {
    const t = makeTestApp();
    const r = await receptionCompany(t);
    for (const org of ['上海远景', '北京星河']) {
      await t.ok(
        'requests.submit',
        { id: null, version: null, body: requestBody({ orgName: org }) },
        r.host.token,
      );
    }
    const source = t.postgresUrl;
    if (source === null) throw new Error('this file runs on PostgreSQL only');
    await t.app.close();

    const file = path.join(t.dir, 'reception.dump');
    execFileSync('pg_dump', ['-Fc', '-f', file, '-d', source], { stdio: 'pipe' });
    const restored = `rmt_restored_${crypto.randomBytes(4).toString('hex')}`;
    createDatabase(restored, 'template0');
    try {
      const url = databaseUrl(restored);
      execFileSync('pg_restore', ['--exit-on-error', '-d', url, file], { stdio: 'pipe' });
      const before = snapshot(source);
      expect(Object.keys(before).length).toBeGreaterThan(30);
      expect(before.requests).toHaveLength(2);
      expect(snapshot(url)).toEqual(before);

      // The app on it: the schema is current (no migration to run), sign-in works, the list
      // shows both visits, and the next code follows on (the identities were restored too).
      const app = await createPostgresApp(url, {
        filesDir: path.join(t.dir, 'restored-files'),
        clock: () => START_MS,
      });
      try {
        const login = await dispatch(app, {
          op: 'auth.login',
          input: { login: 'host', password: USER_PASSWORD },
          token: null,
        });
        expect(login.result.ok).toBe(true);
        const token = login.session ?? null;
        const list = await dispatch(app, {
          op: 'requests.list',
          input: { scope: 'mine' },
          token,
        });
        expect(list.result.ok && (list.result.value as { items: unknown[] }).items).toHaveLength(2);
        const third = await dispatch(app, {
          op: 'requests.submit',
          input: { id: null, version: null, body: requestBody({ orgName: '广州恒达' }) },
          token,
        });
        expect(third.result.ok && (third.result.value as { code: string }).code).toBe(
          'JD20261127-003',
        );
        const admin = await dispatch(app, {
          op: 'auth.login',
          input: { login: ADMIN.login, password: ADMIN.password },
          token: null,
        });
        expect(admin.result.ok).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      forget(databaseUrl(restored));
      dropDatabase(restored);
    }
  });
});
