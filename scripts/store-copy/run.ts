import fs from 'node:fs';
import type pg from 'pg';
import { DatabaseDamagedError } from '../../main/db/backup';
import { DatabaseInUseError } from '../../main/db/lock';
import { DatabaseTooNewError } from '../../main/db/migrate';
import { openDatabase, type Database } from '../../main/db/open';
import { openPostgres, postgresStore, type PostgresStore } from '../../main/db/postgres/open';
import { DEFAULT_BATCH_ROWS, redactUrl } from './args';
import { copyTables, refuseNonEmpty, TargetNotEmptyError, type TableCopied } from './copy';
import { checkPostgresSchema, quote, SchemaMismatchError, sqliteSchema } from './tables';
import { formatChecks, verifyStores, type TableCheck } from './verify';

/**
 * `store:copy` from start to end: open both sides, copy in one PostgreSQL transaction, verify in
 * that same transaction, and commit only if every table matches — a copy that does not verify
 * leaves the target as it was.
 */

export interface StoreCopyOptions {
  /** The SQLite file. */
  from: string;
  /** The PostgreSQL database's URL. */
  to: string;
  /** Only compare an earlier copy with the file; nothing is written on either side. */
  verifyOnly?: boolean;
  batchRows?: number;
  log?: (line: string) => void;
}

export interface StoreCopyResult {
  ok: boolean;
  /** Empty for `verifyOnly`. */
  copied: TableCopied[];
  checks: TableCheck[];
  copySeconds: number;
  verifySeconds: number;
  /** Whether the copy was committed (false: rolled back after a failed check, or verifyOnly). */
  committed: boolean;
}

/** A refusal with a message for the person at the terminal; nothing was changed. */
export class StoreCopyRefused extends Error {}

function openSource(file: string): Database {
  if (!fs.existsSync(file)) throw new StoreCopyRefused(`No database file at ${file}.`);
  try {
    // Locked for as long as the copy runs: the desktop app cannot open it meanwhile, and one that
    // has it open now is reported instead of copied halfway through its writes. An older file is
    // migrated first (with its backup), as the app would on opening it.
    return openDatabase(file, { lock: true });
  } catch (e) {
    if (e instanceof DatabaseInUseError) {
      throw new StoreCopyRefused(
        `${e.message}\nClose Reception Manager (or whatever holds the file) and run store:copy again.`,
      );
    }
    if (e instanceof DatabaseDamagedError) {
      throw new StoreCopyRefused(
        `The database file is damaged (${e.message}). Restore a good backup first.`,
      );
    }
    if (e instanceof DatabaseTooNewError) {
      throw new StoreCopyRefused(`${e.message}. Update this copy of the app first.`);
    }
    throw e;
  }
}

async function openTarget(url: string, migrate: boolean): Promise<PostgresStore> {
  try {
    // The app's pool: its type parsers (int8 and numeric as numbers) are the ones verified with.
    return migrate ? await openPostgres(url, { max: 1 }) : postgresStore(url, { max: 1 });
  } catch (e) {
    throw new StoreCopyRefused(
      `Cannot prepare the PostgreSQL database ${redactUrl(url)}: ${(e as Error).message}`,
    );
  }
}

export async function storeCopy(options: StoreCopyOptions): Promise<StoreCopyResult> {
  const log = options.log ?? (() => undefined);
  const verifyOnly = options.verifyOnly ?? false;
  const source = openSource(options.from);
  let store: PostgresStore | null = null;
  let client: pg.PoolClient | null = null;
  try {
    const schema = sqliteSchema(source.sqlite);
    store = await openTarget(options.to, !verifyOnly);
    client = await store.pool.connect().catch((e: Error) => {
      throw new StoreCopyRefused(`Cannot connect to ${redactUrl(options.to)}: ${e.message}`);
    });
    // One state of each side throughout: SQLite's read snapshot (the lock keeps writers out in any
    // case) and PostgreSQL's transaction, which the copy, the check and the commit share.
    source.sqlite.exec('BEGIN');
    await client.query(verifyOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    try {
      const identity = await checkPostgresSchema(client, schema).catch((e: unknown) => {
        throw e instanceof SchemaMismatchError ? new StoreCopyRefused(e.message) : e;
      });
      let copied: TableCopied[] = [];
      let copySeconds = 0;
      if (!verifyOnly) {
        // No one else writes to the target until the copy commits or is rolled back (a server
        // started on it meanwhile waits); readers are not held up.
        const names = [...schema.tables.map((t) => t.name), ...schema.search];
        await client.query(`LOCK TABLE ${names.map(quote).join(', ')} IN EXCLUSIVE MODE`);
        await refuseNonEmpty(client, schema).catch((e: unknown) => {
          throw e instanceof TargetNotEmptyError ? new StoreCopyRefused(e.message) : e;
        });
        log(`Copying ${options.from} → ${redactUrl(options.to)}`);
        const t0 = performance.now();
        copied = await copyTables(source.sqlite, client, schema, identity, {
          batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS,
          log,
        });
        copySeconds = (performance.now() - t0) / 1000;
        const rows = copied.reduce((n, c) => n + c.rows, 0);
        log(`Copied ${rows.toLocaleString('en')} rows in ${copySeconds.toFixed(1)} s; verifying…`);
      }
      const t1 = performance.now();
      const checks = await verifyStores(source.sqlite, client, schema, (c) => {
        if (!c.match) log(`  MISMATCH ${c.table}${c.note ? `: ${c.note}` : ''}`);
      });
      const verifySeconds = (performance.now() - t1) / 1000;
      log(formatChecks(checks));
      const ok = checks.every((c) => c.match);
      let committed = false;
      if (!verifyOnly && ok) {
        await client.query('COMMIT');
        committed = true;
      } else {
        await client.query('ROLLBACK');
        if (!verifyOnly) log('The copy did not verify: rolled back, the target is as it was.');
      }
      log(`Verified in ${verifySeconds.toFixed(1)} s.`);
      return { ok, copied, checks, copySeconds, verifySeconds, committed };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      if (source.sqlite.inTransaction) source.sqlite.exec('ROLLBACK');
    }
  } finally {
    client?.release();
    await store?.close();
    await source.close();
  }
}
