/**
 * Did a call change the database? Two independent witnesses on the app's own connection:
 *
 * 1. A change log: TEMP triggers on every table append (table, kind) to a TEMP table. The log is
 *    written inside the call's transaction, so a call whose transaction rolled back leaves no
 *    entry, and a call that committed anything leaves at least one: "rows the call committed, by
 *    table", for the price of an insert per changed row. This is what attributes a change to one
 *    call, with no checksum per call and no bisection.
 * 2. A checksum of every table (row count and a SHA-1 over its rows in rowid order): taken at the
 *    start, after every call the log says committed something, and every `checkEvery` calls. Two
 *    checksums with only change-free calls between them must be equal; this catches a write the
 *    triggers cannot see (a table without triggers, another connection, a file swapped under the
 *    app).
 *
 * FTS5's shadow tables take no triggers: the checksum alone watches them (the app writes them
 * through triggers of its own tables, which the log sees).
 *
 * Left out of the checksum: sqlite_stat1 and sqlite_stat4 (the planner's statistics, written by
 * `PRAGMA optimize` when the app opens the file: not data) and the FTS5 virtual tables themselves
 * (their shadow tables, which hold the same content, are in).
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';

const LOG = 'fuzz_change_log';
const NOT_DATA = new Set(['sqlite_stat1', 'sqlite_stat4']);

export interface Watch {
  /** Entries in the change log so far (monotonic while the connection lives). */
  mark(): number;
  /** Tables changed by what committed since `mark`, with the number of rows each. */
  changedSince(mark: number): Record<string, number>;
  /** Checksum of every table (or of `only`): table → `count:sha1`. */
  checksum(only?: ReadonlySet<string>): Record<string, string>;
  /** The tables with triggers (every ordinary table of the app). */
  watched: string[];
  /** Tables SQLite refuses triggers on (FTS5 shadow tables): only the checksum sees them. */
  unwatched: string[];
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function watchDatabase(sqlite: Database): Watch {
  const tables = sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; sql: string | null }[];
  const virtual = new Set(
    tables.filter((t) => /CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name),
  );
  const withoutRowid = new Set(
    tables.filter((t) => /WITHOUT\s+ROWID/i.test(t.sql ?? '')).map((t) => t.name),
  );
  sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS ${LOG} (id INTEGER PRIMARY KEY, tbl TEXT NOT NULL, kind TEXT NOT NULL)`,
  );
  const watched: string[] = [];
  // AUTOINCREMENT's counters: SQLite's own table, no triggers; the checksum covers it.
  const unwatched: string[] = ['sqlite_sequence'];
  for (const { name } of tables) {
    if (virtual.has(name)) continue;
    try {
      for (const kind of ['INSERT', 'UPDATE', 'DELETE']) {
        const trigger = quote(`fuzz_${kind.toLowerCase()}_${name}`);
        sqlite.exec(
          `CREATE TEMP TRIGGER IF NOT EXISTS ${trigger} AFTER ${kind} ON main.${quote(name)} ` +
            `BEGIN INSERT INTO temp.${LOG} (tbl, kind) VALUES ('${name.replace(/'/g, "''")}', '${kind}'); END`,
        );
      }
      watched.push(name);
    } catch {
      // FTS5's shadow tables take no triggers; the checksum covers them.
      unwatched.push(name);
    }
  }
  const last = sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM temp.${LOG}`);
  const since = sqlite.prepare(
    `SELECT tbl, count(*) AS n FROM temp.${LOG} WHERE id > ? GROUP BY tbl ORDER BY tbl`,
  );
  const all = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[];
  const summed = all
    .map((t) => t.name)
    .filter((n) => !NOT_DATA.has(n) && !virtual.has(n) && !n.startsWith(LOG));
  const reads = summed.map((name) => ({
    name,
    stmt: sqlite
      .prepare(
        withoutRowid.has(name)
          ? `SELECT * FROM main.${quote(name)} ORDER BY 1`
          : `SELECT rowid, * FROM main.${quote(name)} ORDER BY rowid`,
      )
      .raw(),
  }));
  return {
    watched,
    unwatched,
    mark: () => (last.get() as { n: number }).n,
    changedSince(mark) {
      const out: Record<string, number> = {};
      for (const r of since.all(mark) as { tbl: string; n: number }[]) out[r.tbl] = r.n;
      return out;
    },
    checksum(only) {
      const out: Record<string, string> = {};
      for (const { name, stmt } of reads) {
        if (only && !only.has(name)) continue;
        const hash = crypto.createHash('sha1');
        let count = 0;
        for (const row of stmt.iterate() as Iterable<unknown[]>) {
          count++;
          for (const v of row) {
            if (Buffer.isBuffer(v)) hash.update(v);
            else hash.update(v === null ? '\u0000N' : `${typeof v}:${String(v)}`);
            hash.update('\u0001');
          }
          hash.update('\u0002');
        }
        out[name] = `${count}:${hash.digest('hex')}`;
      }
      return out;
    },
  };
}

/** The tables whose checksums differ. */
export function diffChecksums(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n] !== b[n]).sort();
}
