import path from 'node:path';
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../api/dispatcher';
import { createApp } from '../../app';
import { hashPassword } from '../../domains/auth';
import { makeTempDir, START_MS } from '../../test-support';
import { requestBody } from '../../test-fixtures';
import { applyPragmas } from '../open';
import { migrate, schemaVersion } from '../migrate';
import { LATEST_VERSION, MIGRATIONS } from './index';
import { insertRow, rowsInOrder, tableNames } from './test-helpers';

/** Up to this migration only: later ones may add tables of their own. */
const UP_TO_30 = MIGRATIONS.filter((m) => m.version <= 30);
const UP_TO_40 = MIGRATIONS.filter((m) => m.version <= 40);

const PASSWORD = 'migrated-pass-1';

/** The organisation names the app of schema 30 stored, and the key each must get. */
const NAMES: [string, string][] = [
  ['ABC科技有限公司', 'abc科技'],
  ['ＡＢＣ科技有限公司', 'abc科技'],
  ['ABC 科技有限公司', 'abc科技'],
  ['ABC科技（有限公司）', 'abc科技'],
  ['ABC集团股份有限公司', 'abc集团'],
  ['Acme (Shanghai) Co., Ltd.', 'acmeshanghai'],
  ['ACME LTD', 'acme'],
  ['Costco', 'costco'],
  // A draft not named yet.
  ['', ''],
];

let dir: string;
let file: string;
let db: Database;

function indexesOf(table: string): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
      )
      .all(table) as { name: string }[]
  ).map((r) => r.name);
}

/** A company of schema 30 with requests for organisations whose names differ in form only. */
async function fillSchema30(): Promise<void> {
  const hash = await hashPassword(PASSWORD);
  insertRow(db, 'settings', { key: 'companyName', value: JSON.stringify('示例科技有限公司') });
  insertRow(db, 'settings', { key: 'timeZone', value: JSON.stringify('Asia/Shanghai') });
  const user = (login: string, name: string, role: string, dept: number | null) => {
    const id = insertRow(db, 'users', {
      login,
      display_name: name,
      department_id: dept,
      password_hash: hash,
      created_at_ms: START_MS,
      updated_at_ms: START_MS,
    });
    insertRow(db, 'user_roles', { user_id: id, role });
    return id;
  };
  const head = user('head', '李部长', 'dept_head', null);
  const dept = insertRow(db, 'departments', {
    name: '销售部',
    head_user_id: head,
    created_at_ms: START_MS,
    updated_at_ms: START_MS,
  });
  db.prepare('UPDATE users SET department_id = ? WHERE id = ?').run(dept, head);
  const host = user('host', '王接待', 'host', dept);
  NAMES.forEach(([orgName], i) => {
    const body = requestBody({ orgName });
    insertRow(db, 'requests', {
      code: `JD20261127-${String(i + 1).padStart(3, '0')}`,
      status: orgName === '' ? 'draft' : 'submitted',
      host_user_id: host,
      department_id: dept,
      org_name: orgName,
      org_category: body.orgCategory,
      tier: body.tier,
      arrival_date: body.arrivalDate,
      departure_date: body.departureDate,
      visitor_count: body.visitors.length,
      policy_version: orgName === '' ? null : 1,
      body: JSON.stringify(body),
      budget_total_fen: 80000 + i,
      revision: orgName === '' ? 0 : 1,
      version: 2,
      created_at_ms: START_MS + i,
      updated_at_ms: START_MS + i + 1,
    });
  });
}

let before: Record<string, Record<string, unknown>[]>;

beforeEach(async () => {
  dir = makeTempDir('rm-m40-');
  file = path.join(dir, 'reception.db');
  db = new BetterSqlite3(file);
  applyPragmas(db);
  migrate(db, UP_TO_30);
  await fillSchema30();
  before = Object.fromEntries(tableNames(db).map((t) => [t, rowsInOrder(db, t)]));
});

afterEach(() => {
  if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 0040 (organisation keys)', () => {
  it('keys every request by its organisation, however the name was typed, and changes nothing else', () => {
    expect(schemaVersion(db)).toBe(30);
    migrate(db, UP_TO_40);
    expect(schemaVersion(db)).toBe(40);
    expect(tableNames(db)).toEqual(Object.keys(before));

    const requests = rowsInOrder(db, 'requests');
    expect(requests.map((r) => [r.org_name, r.org_key])).toEqual(NAMES);
    // The same rows, values and order, with the key added.
    expect(requests.map(({ org_key: _key, ...rest }) => rest)).toEqual(before.requests);
    for (const table of Object.keys(before)) {
      if (table === 'requests') continue;
      expect({ table, rows: rowsInOrder(db, table) }).toEqual({ table, rows: before[table] });
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('indexes the repeat-visit query instead of the name without case', () => {
    expect(indexesOf('requests')).toContain('requests_org');
    migrate(db, UP_TO_40);
    const indexes = indexesOf('requests');
    expect(indexes).toContain('requests_org_key');
    expect(indexes).not.toContain('requests_org');
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT arrival_date FROM requests
             WHERE org_key = ? AND status IN (?, ?, ?, ?) AND arrival_date != ? AND id != ?`,
        )
        .all('abc科技', 'submitted', 'approving', 'approved', 'filed', '', 1) as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan).toEqual([
      expect.stringMatching(
        /^SEARCH requests USING (COVERING )?INDEX requests_org_key \(org_key=\? AND status=\?\)$/,
      ),
    ]);
  });

  it('new columns get the default: a row written the old way has the empty key', () => {
    migrate(db, UP_TO_40);
    const id = insertRow(db, 'requests', {
      code: 'JD20261127-999',
      status: 'draft',
      host_user_id: 2,
      org_category: 'client',
      tier: 'C',
      body: '{}',
      created_at_ms: START_MS,
      updated_at_ms: START_MS,
    });
    expect(db.prepare('SELECT org_key FROM requests WHERE id = ?').get(id)).toEqual({
      org_key: '',
    });
  });

  it('the app finds the migrated visits of the organisation, however the new name is typed', async () => {
    db.close();
    const app = createApp(file, { clock: () => START_MS });
    try {
      expect(schemaVersion(app.sqlite)).toBe(LATEST_VERSION);
      const call = async (op: string, input: unknown, token: string | null) => {
        const out = await dispatch(app, { op, input, token });
        if (!out.result.ok) throw new Error(`${op}: ${JSON.stringify(out.result.error)}`);
        return { value: out.result.value as never, session: out.session };
      };
      const host = (await call('auth.login', { login: 'host', password: PASSWORD }, null)).session;
      const preview: { checks: { code: string; params: unknown }[] } = (
        await call(
          'requests.preview',
          {
            id: null,
            body: requestBody({
              orgName: 'ａｂｃ 科技【有限公司】',
              arrivalDate: '2026-12-10',
              departureDate: '2026-12-10',
              needs: { ...requestBody().needs, meals: [] },
            }),
          },
          host ?? null,
        )
      ).value;
      // Four of the migrated requests are ABC科技's.
      expect(preview.checks).toEqual([
        expect.objectContaining({ code: 'repeat_visit', params: { days: 15, count: 4 } }),
      ]);
    } finally {
      await app.close();
    }
  });
});
