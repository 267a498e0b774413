import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { acquireDatabaseLock } from '../../main/db/lock';
import { openDatabase } from '../../main/db/open';
import { argon2id } from '../../main/domains/auth/passwords';
import {
  DEFAULT_NOW_MS,
  GEN_PASSWORD,
  GEN_PASSWORD_HASH,
  generate,
  type GenerateStats,
} from './generate';

/**
 * `npm run gen -- --db PATH [--visits N] [--seed S] [--now ISO] [--force]`: a new database with
 * ten years of generated reception data (see generate.ts). Refuses an existing file unless
 * `--force`, which replaces it. `generateFile` does the same for other scripts (bench/run.ts).
 */

/** The password of every generated account. */
export const GENERATED_PASSWORD = GEN_PASSWORD;
/** The generator's default "now": 2026-12-01 10:00 in Asia/Shanghai. */
export const NOW_MS = DEFAULT_NOW_MS;

export class FileExistsError extends Error {}

export interface GenerateFileOptions {
  visits: number;
  seed: number;
  nowMs?: number;
  /** Replace an existing file (default: refuse it with FileExistsError). */
  force?: boolean;
  onProgress?: (msg: string) => void;
}

/**
 * Creates `file` with the app's migrations (openDatabase: the app's schema, its lock) and fills it;
 * the app's pragmas are back and the write-ahead log is checkpointed when it returns. A failed run
 * leaves no file behind.
 */
export async function generateFile(
  file: string,
  options: GenerateFileOptions,
): Promise<GenerateStats & { bytes: number }> {
  if (fs.existsSync(file)) {
    if (!options.force) throw new FileExistsError(`${file} already exists`);
    // Through the lock, so a file another process has open is never deleted under it.
    const lock = acquireDatabaseLock(file);
    try {
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    } finally {
      lock.release();
    }
  }
  // The one hash every account shares, checked with the app's hasher: a change of its
  // parameters is noticed here rather than at the first sign-in.
  let passwordHash = GEN_PASSWORD_HASH;
  if (!(await argon2id.verify(GEN_PASSWORD_HASH, GEN_PASSWORD))) {
    options.onProgress?.(
      'the stored password hash no longer verifies: hashing it again (users table not reproducible)',
    );
    passwordHash = await argon2id.hash(GEN_PASSWORD);
  }
  const database = openDatabase(file);
  try {
    const stats = generate(database.sqlite, {
      visits: options.visits,
      seed: options.seed,
      nowMs: options.nowMs ?? DEFAULT_NOW_MS,
      passwordHash,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // The planner's statistics of the full tables, as a database that grew to this size would
    // have them (the app refreshes them with PRAGMA optimize); without them the first open pays.
    const t0 = Date.now();
    database.sqlite.exec('ANALYZE');
    options.onProgress?.(`ANALYZE: ${Date.now() - t0} ms`);
    database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await database.close();
    return { ...stats, bytes: sizeOf(file) };
  } catch (e) {
    await database.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
}
const USAGE =
  'usage: npm run gen -- --db PATH [--visits N (500000)] [--seed S (1)] [--now ISO] [--force]';

function fail(message: string): never {
  console.error(message);
  console.error(USAGE);
  process.exit(2);
}

function integer(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}`);
  return n;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function sizeOf(file: string): number {
  return [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .reduce((sum, f) => sum + fs.statSync(f).size, 0);
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      visits: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.db) fail('--db PATH is required');
  const file = path.resolve(values.db);
  const visits = integer(values.visits, 'visits', 500_000, 1);
  const seed = integer(values.seed, 'seed', 1, Number.MIN_SAFE_INTEGER);
  const nowMs = values.now === undefined ? DEFAULT_NOW_MS : Date.parse(values.now);
  if (Number.isNaN(nowMs)) fail('--now must be an ISO date-time, e.g. 2026-12-01T02:00:00Z');
  if (fs.existsSync(file) && !values.force) {
    fail(`${file} already exists: nothing was written. Use --force to replace it.`);
  }

  const started = performance.now();
  console.log(
    `Generating ${visits.toLocaleString('en')} visits (seed ${seed}, now ${new Date(nowMs).toISOString()}) into ${file}`,
  );
  const stats = await generateFile(file, {
    visits,
    seed,
    nowMs,
    force: values.force,
    onProgress: (msg) => console.log(`  ${msg}`),
  });
  const seconds = (performance.now() - started) / 1000;

  const generating = (stats.ms.requests ?? 0) / 1000;
  console.log('\nRows (rate over the request phase):');
  for (const [table, n] of Object.entries(stats.rows)) {
    const rate =
      generating > 0 && n > 1000
        ? `  ${Math.round(n / generating).toLocaleString('en')} rows/s`
        : '';
    console.log(`  ${table.padEnd(18)} ${n.toLocaleString('en').padStart(12)}${rate}`);
  }
  console.log('Requests by status:');
  for (const [status, n] of Object.entries(stats.statuses)) {
    console.log(`  ${status.padEnd(18)} ${n.toLocaleString('en').padStart(12)}`);
  }
  console.log(
    `Phases: ${Object.entries(stats.ms)
      .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  console.log(`Total ${seconds.toFixed(1)} s; file ${mb(stats.bytes)}`);
  console.log(`\nEvery account's password is "${GEN_PASSWORD}" (one shared hash). Some logins:`);
  console.log(`  ${'admin'.padEnd(22)} sysadmin`);
  for (const [role, logins] of Object.entries(stats.logins)) {
    if (role !== 'sysadmin') console.log(`  ${(logins ?? []).join(', ').padEnd(22)} ${role}`);
  }
}

// Run only as a script (`npm run gen`); bench/run.ts imports generateFile.
if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  });
}
