/**
 * The tests' PostgreSQL (issue 14): with `RM_TEST_STORE=postgres` the service suites run on a
 * real PostgreSQL server, a fresh database per test copied from a template (CREATE DATABASE …
 * TEMPLATE), as they run on a fresh SQLite file per test on the other store. Only tests import
 * this file.
 *
 * The test helpers that read the database for assertions (`t.rows`, `t.count`, `t.snapshot`) are
 * synchronous, as SQLite's driver is; node's PostgreSQL client is not. So here they hand the SQL
 * to a worker thread that holds a client per database, and wait for its answer (Atomics.wait on
 * a shared flag, then the message taken from the port synchronously). They run after a call has
 * committed, on their own connection, like a second program looking at the data.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export type TestStore = 'sqlite' | 'postgres';

export const TEST_STORE: TestStore =
  process.env.RM_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The maintenance database's URL; the tests' databases are made beside it. */
export const TEST_POSTGRES_URL =
  process.env.RM_TEST_POSTGRES_URL ?? 'postgres://rm:rm@127.0.0.1:5432/postgres';

/** The URL of database `name` on the tests' server. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The worker: one pg client per database URL, each statement's rows' first values as text. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const pg = require(workerData.pg);
const clients = new Map();
async function client(url) {
  let c = clients.get(url);
  if (!c) {
    // Every value as PostgreSQL's text: the callers parse JSON themselves.
    c = new pg.Client({ connectionString: url, types: { getTypeParser: () => (v) => v } });
    c.on('error', () => clients.delete(url));
    await c.connect();
    clients.set(url, c);
  }
  return c;
}
parentPort.on('message', async ({ url, sql, port, flag }) => {
  let reply;
  try {
    if (sql === null) {
      const c = clients.get(url);
      clients.delete(url);
      if (c) await c.end();
      reply = { ok: true, text: '' };
    } else {
      const result = await (await client(url)).query({ text: sql, rowMode: 'array' });
      const last = Array.isArray(result) ? result[result.length - 1] : result;
      reply = { ok: true, text: (last.rows || []).map((r) => (r[0] === null ? '' : String(r[0]))).join('\\n') };
    }
  } catch (e) {
    reply = { ok: false, text: String((e && e.message) || e) };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

let worker: Worker | null = null;

/** Runs SQL on database `url` (synchronously) and returns the first column of its rows, one per line. */
export function runSql(url: string, statement: string): string {
  return ask(url, statement);
}

/** Closes the worker's client on `url` (before the database is dropped or reused elsewhere). */
export function forget(url: string): void {
  ask(url, null);
}

function ask(url: string, sql: string | null): string {
  if (!worker) {
    worker = new Worker(WORKER, {
      eval: true,
      workerData: { pg: createRequire(import.meta.url).resolve('pg') },
    });
    worker.unref();
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ url, sql, port: port2, flag }, [port2]);
  if (Atomics.wait(flag, 0, 0, Number(process.env.RM_TEST_PG_WAIT_MS ?? 120_000)) === 'timed-out') {
    throw new Error(`PostgreSQL did not answer in time: ${sql}`);
  }
  const reply = receiveMessageOnPort(port1)?.message as { ok: boolean; text: string } | undefined;
  port1.close();
  if (!reply) throw new Error('no answer from the PostgreSQL worker');
  if (!reply.ok) throw new Error(`${reply.text}\n  in: ${sql}`);
  return reply.text;
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a test database name: ${name}`);
  return `"${name}"`;
};

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * A copy of `template`. PostgreSQL copies a template only while no other session is on it, and
 * the other worker's copy of the same template is such a session for its few milliseconds: wait
 * and try again.
 */
export function createDatabase(name: string, template: string): void {
  for (let attempt = 1; ; attempt++) {
    try {
      runSql(TEST_POSTGRES_URL, `CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`);
      return;
    } catch (e) {
      const busy = /is being accessed by other users/.test(String((e as Error).message));
      if (!busy || attempt >= 100) throw e;
      pause(10 + Math.random() * 40);
    }
  }
}

export function dropDatabase(name: string): void {
  runSql(TEST_POSTGRES_URL, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

/** Every test database of a run (their names start with the run's prefix). */
export function dropDatabases(prefix: string): void {
  const names = runSql(
    TEST_POSTGRES_URL,
    `SELECT datname FROM pg_database WHERE datname LIKE '${prefix.replace(/[^a-z0-9_]/g, '')}%'`,
  )
    .split('\n')
    .filter(Boolean);
  for (const name of names) dropDatabase(name);
}

/** A value as an SQL literal (the tests' parameters: numbers, strings, null, booleans). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** SQLite's `?` parameters, filled in as literals (outside quoted strings and identifiers). */
export function inlineParameters(statement: string, params: readonly unknown[]): string {
  let out = '';
  let next = 0;
  let quote: string | null = null;
  for (const c of statement) {
    if (quote) {
      if (c === quote) quote = null;
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') {
      if (next >= params.length) throw new Error(`too few parameters for: ${statement}`);
      out += literal(params[next++]);
    } else {
      out += c;
    }
  }
  if (next !== params.length) throw new Error(`too many parameters for: ${statement}`);
  return out;
}

/** The rows of a query, as objects keyed by column name (numbers as numbers: json_agg). */
export function queryRows<T>(url: string, statement: string, params: readonly unknown[]): T[] {
  const sql = inlineParameters(statement, params);
  const text = runSql(url, `SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) AS q`);
  return JSON.parse(text) as T[];
}

/** The base tables of the app (not the schema's version row). */
export function tableNames(url: string): string[] {
  return runSql(
    url,
    `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rm_schema'
       ORDER BY table_name`,
  )
    .split('\n')
    .filter(Boolean);
}

/**
 * Test-only functions in the empty template (so in every test database): `rm_test_dump()` gives
 * every table's rows as JSON, `rm_test_reset(data)` empties every table and fills it from such a
 * dump, with the triggers off (the dump holds the summaries and the audit head as they were) and
 * every identity set after its highest id — the database then reads as a fresh copy would.
 */
export const TEST_FUNCTIONS = `
CREATE FUNCTION rm_test_tables() RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT table_name::text FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'rm_schema'
    ORDER BY table_name
$$;
CREATE FUNCTION rm_test_dump() RETURNS json LANGUAGE plpgsql AS $$
DECLARE t text; rows json; out jsonb := '{}';
BEGIN
  FOR t IN SELECT rm_test_tables() LOOP
    EXECUTE format('SELECT json_agg(x) FROM %I AS x', t) INTO rows;
    IF rows IS NOT NULL THEN out := out || jsonb_build_object(t, rows); END IF;
  END LOOP;
  RETURN out::json;
END $$;
CREATE FUNCTION rm_test_reset(data json) RETURNS void LANGUAGE plpgsql AS $$
DECLARE t text; c text;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR t IN SELECT rm_test_tables() LOOP
    EXECUTE format('DELETE FROM %I', t);
  END LOOP;
  FOR t IN SELECT key FROM json_each(data) LOOP
    EXECUTE format('INSERT INTO %I SELECT * FROM json_populate_recordset(NULL::%I, $1)', t, t)
      USING data -> t;
  END LOOP;
  FOR t, c IN SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, false) FROM %I',
      t, c, c, t);
  END LOOP;
END $$;
`;

/**
 * For the tests of what only SQLite has (its file, its handle, its planner and statement cache,
 * its backups): `it.skipIf(sqliteOnly)` / `describe.skipIf(sqliteOnly)` on PostgreSQL, each with
 * a comment saying what it tests.
 */
export const sqliteOnly = TEST_STORE !== 'sqlite';
