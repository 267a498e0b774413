/**
 * store:copy against the real local PostgreSQL (the `postgres` vitest project): a company made
 * through the app on a SQLite file, copied into a fresh database, verified; a second copy into
 * the same database refused; a row changed in the target found by the verification.
 *
 * The source is a SQLite file whatever the project's store: createApp (not makeTestApp, which
 * gives a PostgreSQL app in this project) and the demo company, made through the dispatcher.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../main/app';
import { dispatch } from '../../main/api/dispatcher';
import { ngramPattern } from '../../main/core/ngrams';
import { TEST_POSTGRES_URL, databaseUrl } from '../../main/test-postgres';
import { seedDemo } from '../demo-data';
import { storeCopy, StoreCopyRefused, type StoreCopyResult } from './run';

const name = `rmt_store_copy_${crypto.randomBytes(4).toString('hex')}`;
const url = databaseUrl(name);
let dir: string;
let file: string;
let first: StoreCopyResult;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function target<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const quiet = { log: () => undefined };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-store-copy-'));
  file = path.join(dir, 'company.db');
  const app = createApp(file);
  try {
    // Departments, people, resources; three months of visits submitted, approved, checked in,
    // with advances, expense lines and receipts — every call through the dispatcher.
    const logins = await seedDemo(app, false);
    // And a failed sign-in (login_failures, its audit entry): a table the demo leaves empty.
    await dispatch(app, {
      op: 'auth.login',
      input: { login: logins[0]!.login, password: 'wrong password' },
      token: null,
      client: '192.0.2.7',
    });
  } finally {
    await app.close();
  }
  await admin(`CREATE DATABASE ${name} TEMPLATE template0`);
  first = await storeCopy({ from: file, to: url, ...quiet });
}, 300_000);

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('store:copy', () => {
  it('copies a company made through the app, every table verified equal', async () => {
    expect(first.ok).toBe(true);
    expect(first.committed).toBe(true);
    expect(first.checks.filter((c) => !c.match)).toEqual([]);
    const rows = new Map(first.checks.map((c) => [c.table, c.postgresRows]));
    for (const table of ['users', 'requests', 'approval_steps', 'audit_log', 'attachments']) {
      expect(rows.get(table), table).toBeGreaterThan(0);
    }
    expect(rows.get('request_search')).toBe(rows.get('requests'));
    expect(rows.get('audit_search')).toBe(rows.get('audit_log'));
    // What was committed verifies too, read back on a connection of its own.
    const again = await storeCopy({ from: file, to: url, verifyOnly: true, ...quiet });
    expect(again.ok).toBe(true);
    expect(again.committed).toBe(false);
  });

  it('leaves the target usable: search finds a visit, new rows get new ids, the chain continues', async () => {
    const pattern = ngramPattern('华东精密');
    const hits = await target<{ n: string }>(
      `SELECT count(*) AS n FROM request_search r JOIN requests q ON q.id = r.rowid
        WHERE (' ' || r.terms || ' ') LIKE '${pattern}' AND q.org_name LIKE '%华东精密%'`,
    );
    expect(Number(hits[0]!.n)).toBeGreaterThan(0);
    const ids = await target<{ next: string; max: string }>(
      `SELECT nextval(pg_get_serial_sequence('requests', 'id')) AS next,
              (SELECT max(id) FROM requests) AS max`,
    );
    expect(Number(ids[0]!.next)).toBe(Number(ids[0]!.max) + 1);
    const head = await target<{ entries: string; n: string; same: boolean }>(
      `SELECT h.entries, (SELECT count(*) FROM audit_log) AS n,
              h.last_hash = (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS same
         FROM audit_head h`,
    );
    expect(Number(head[0]!.entries)).toBe(Number(head[0]!.n));
    expect(head[0]!.same).toBe(true);
  });

  it('refuses a target that is not empty, changing nothing', async () => {
    const before = await target<{ n: string }>('SELECT count(*) AS n FROM users');
    await expect(storeCopy({ from: file, to: url, ...quiet })).rejects.toThrow(StoreCopyRefused);
    await expect(storeCopy({ from: file, to: url, ...quiet })).rejects.toThrow(
      /not empty: users \(\d+ rows\), requests .*audit_log .*Nothing was changed/,
    );
    expect(await target<{ n: string }>('SELECT count(*) AS n FROM users')).toEqual(before);
    expect((await storeCopy({ from: file, to: url, verifyOnly: true, ...quiet })).ok).toBe(true);
  });

  it('finds a row changed in the target', async () => {
    await target(
      `UPDATE users SET display_name = display_name || '·' WHERE id = (SELECT min(id) FROM users)`,
    );
    const result = await storeCopy({ from: file, to: url, verifyOnly: true, ...quiet });
    expect(result.ok).toBe(false);
    const bad = result.checks.filter((c) => !c.match);
    expect(bad.map((c) => c.table)).toEqual(['users']);
    expect(bad[0]!.sqliteRows).toBe(bad[0]!.postgresRows);
    expect(bad[0]!.sqliteSha256).not.toBe(bad[0]!.postgresSha256);
  });

  it('finds a search entry lost in the target', async () => {
    await target(
      'DELETE FROM request_search WHERE rowid = (SELECT max(rowid) FROM request_search)',
    );
    const result = await storeCopy({ from: file, to: url, verifyOnly: true, ...quiet });
    const search = result.checks.find((c) => c.table === 'request_search');
    expect(search?.match).toBe(false);
    expect(search?.note).toMatch(/PostgreSQL has \d+ entries/);
  });

  it('refuses a file that does not exist, creating none', async () => {
    const missing = path.join(dir, 'missing.db');
    await expect(storeCopy({ from: missing, to: url, ...quiet })).rejects.toThrow(
      /No database file at/,
    );
    expect(fs.existsSync(missing)).toBe(false);
  });
});
