import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';

/**
 * `npx tsx scripts/planner-stats.ts --db PATH`: saves the query planner's statistics of a large
 * generated database (sqlite_stat1, after ANALYZE) as main/db/planner-stats.json. The query-plan
 * test loads them into a small database so that SQLite plans its queries as it would at ten years
 * of data. Re-run after a migration adds or changes an index on a large table.
 */
const { values } = parseArgs({ options: { db: { type: 'string' } } });
if (!values.db) throw new Error('--db PATH is required');
const db = new BetterSqlite3(values.db);
db.exec('ANALYZE');
const rows = db
  .prepare(
    `SELECT tbl, idx, stat FROM sqlite_stat1
     WHERE tbl NOT LIKE '%search%' ORDER BY tbl, idx`,
  )
  .all();
db.close();
const out = path.join(import.meta.dirname, '..', 'main', 'db', 'planner-stats.json');
fs.writeFileSync(out, JSON.stringify(rows, null, 2) + '\n');
console.log(`${rows.length} rows → ${out}`);
