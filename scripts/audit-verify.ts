/**
 * `npm run audit:verify -- --db PATH [--head HASH]`: walks the audit log's hash chain (migration
 * 0200) and prints `audit chain: N entries ok; head …`, or the first entry that does not verify;
 * exits 1 on a break, 2 when the file cannot be checked. `--head` is a head hash kept outside the
 * database (written down, in an older backup): without it a chain rewritten whole, hashes and
 * head included, cannot be told from a genuine one. The file is opened read-only and never
 * migrated, so it may be checked while the app has it open.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import { readTransaction } from '../main/core/queries';
import type { DB } from '../main/db/schema';
import { reportLine, verifyChain, type ChainReport } from '../main/domains/audit/chain';

/** The first schema with the chain. */
const CHAIN_SINCE = 200;

export class NotVerifiableError extends Error {}

/** Verifies the chain of a database file, read-only, in one snapshot. */
export async function verifyAuditFile(file: string, expectedHead?: string): Promise<ChainReport> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new NotVerifiableError(`cannot open ${file}: ${(e as Error).message}`);
  }
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    if (version < CHAIN_SINCE) {
      throw new NotVerifiableError(
        `${file} has schema ${version}: the audit chain exists from ${CHAIN_SINCE} (open it with the app once)`,
      );
    }
    return await readTransaction(db, (conn) => verifyChain(conn, expectedHead));
  } finally {
    await db.destroy();
    if (sqlite.open) sqlite.close();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const file = arg('--db');
  const head = arg('--head');
  if (file === undefined || (head !== undefined && !/^[0-9a-f]{64}$/.test(head))) {
    process.stderr.write('usage: npm run audit:verify -- --db PATH [--head SHA256-HEX]\n');
    process.exit(2);
  }
  try {
    const report = await verifyAuditFile(path.resolve(file), head);
    process.stdout.write(`${reportLine(report)}\n`);
    process.exitCode = report.broken === null ? 0 : 1;
  } catch (e) {
    process.stderr.write(`audit:verify: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}

if (path.resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) void main();
