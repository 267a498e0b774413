import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuditTables } from './tables';

/**
 * The audit log's hash chain (migration 0200). Each entry stores the hash of the entry before it
 * (`prev_hash`) and its own `hash` = SHA-256 over a canonical serialisation of its fields and
 * `prev_hash`, so an entry edited, removed or moved after it was written breaks the chain from
 * there on; `audit_head` (one row, advanced by a trigger in the same statement) holds the count
 * and the last hash, so entries cut off the end are seen too.
 *
 * What it cannot see: whoever can write the file can recompute every hash and the head (there is
 * no secret), so a whole rewrite is detected only against a head kept elsewhere (`--head`).
 */

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields an entry's hash covers: every column but `id` and the chain's own two. `client`
 * (migration 0210) may be left out by writers that know none (the generator, migration 0200's
 * rows): the entry then has none.
 */
export type ChainedFields = Omit<
  Selectable<AuditTables['auditLog']>,
  'id' | 'prevHash' | 'hash' | 'client'
> & { client?: string | null };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A string as SQLite will give it back. A lone surrogate has no UTF-8 form: written as it is, it
 * comes back as other characters and the entry's hash would no longer match, so the writer stores
 * U+FFFD in its place (and hashes that).
 */
export function storableText(s: string): string;
export function storableText(s: string | null): string | null;
export function storableText(s: string | null): string | null {
  return s === null ? null : s.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The entry's hash. The serialisation is a JSON array (a format tag, prev_hash, then the fields
 * in column order), so it is the same in any language and never ambiguous between fields.
 *
 * Two forms, by whether the entry has a client (migration 0210 added the column):
 * - none (null): 'audit-v1', exactly the array every entry was hashed over before. The entries
 *   written before 0210 keep verifying without being hashed again — re-hashing a chain would
 *   destroy what it proves: a head kept outside (`--head`) would no longer be found in it;
 * - a client: 'audit-v2', the same array with the client after the summary.
 * The tag (and the array's length) keeps the two forms apart, and the form follows the stored
 * column: setting a client on an old entry, clearing or changing one on a new entry, changes
 * the form or the bytes its hash is checked against, so such an edit breaks the chain like any
 * other.
 */
export function entryHash(prevHash: string, f: ChainedFields): string {
  const fields = [
    prevHash,
    f.atMs,
    f.actorUserId,
    f.actorName,
    f.onBehalfOfUserId,
    f.onBehalfOfName,
    f.operation,
    f.entityType,
    f.entityId,
    f.summary,
  ];
  const client = f.client ?? null;
  const canonical = JSON.stringify(
    client === null ? ['audit-v1', ...fields] : ['audit-v2', ...fields, client],
  );
  return crypto.createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * The hash a new entry links to: the newest entry's, as audit_head holds it (its trigger advances
 * it in the statement that adds an entry). Read in the caller's write transaction.
 */
export async function lastHash(db: Kysely<DB>): Promise<string> {
  const head = await db
    .selectFrom('auditHead')
    .select('lastHash')
    .where('id', '=', 1)
    .executeTakeFirst();
  return head?.lastHash ?? GENESIS_HASH;
}

export interface ChainBreak {
  /** The first entry that does not verify; null when the break is after the last one (cut off). */
  id: number | null;
  reason: string;
}

export interface ChainReport {
  /** Entries that verified, in id order, before the first break. */
  entries: number;
  /** The hash of the last entry that verified. */
  head: string;
  broken: ChainBreak | null;
}

/** Entries read per query: a ten-year log is walked without loading it whole. */
const PAGE = 5_000;

/**
 * Walks the chain in id order and stops at the first entry that does not verify, then compares
 * the end reached with `audit_head` and, if given, with a head hash kept outside the database.
 * Run it in a read transaction so that a concurrent writer does not move the head meanwhile.
 */
export async function verifyChain(db: Kysely<DB>, expectedHead?: string): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let entries = 0;
  // From the lowest id there could be: a row slipped in below id 1 is part of what is checked.
  let after = Number.MIN_SAFE_INTEGER;
  let seenExpected = expectedHead === undefined;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      if (r.prevHash !== prev) {
        const reason =
          entries === 0 && r.prevHash !== GENESIS_HASH
            ? 'the first entry does not start the chain (entries before it removed?)'
            : 'prev_hash does not match the entry before it (an entry removed, inserted or moved)';
        return { entries, head: prev, broken: { id: r.id, reason } };
      }
      const hash = entryHash(prev, r);
      if (r.hash !== hash) {
        return {
          entries,
          head: prev,
          broken: { id: r.id, reason: 'its fields do not match its hash (the entry was edited)' },
        };
      }
      prev = hash;
      entries++;
      if (hash === expectedHead) seenExpected = true;
    }
    const last = rows[rows.length - 1];
    if (last === undefined || rows.length < PAGE) break;
    after = last.id;
  }
  const { rows: all } = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('rows'))
    .executeTakeFirstOrThrow();
  if (Number(all) !== entries) {
    return {
      entries,
      head: prev,
      broken: { id: null, reason: `${Number(all) - entries} rows are outside the id range walked` },
    };
  }
  const head = await db
    .selectFrom('auditHead')
    .select(['entries', 'lastHash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head === undefined) {
    return { entries, head: prev, broken: { id: null, reason: 'audit_head is missing' } };
  }
  if (head.entries !== entries || head.lastHash !== prev) {
    return {
      entries,
      head: prev,
      broken: {
        id: null,
        reason:
          `audit_head records ${head.entries} entries ending in ${head.lastHash.slice(0, 12)}…, ` +
          `the chain has ${entries} ending in ${prev.slice(0, 12)}… (entries cut off the end?)`,
      },
    };
  }
  if (!seenExpected) {
    return {
      entries,
      head: prev,
      broken: {
        id: null,
        reason: `the head hash kept outside (${(expectedHead ?? '').slice(0, 12)}…) is not in the chain (rewritten or cut off)`,
      },
    };
  }
  return { entries, head: prev, broken: null };
}

/** The one line `npm run audit:verify` prints. */
export function reportLine(r: ChainReport): string {
  if (r.broken === null) {
    return `audit chain: ${r.entries.toLocaleString('en')} entries ok; head ${r.head}`;
  }
  const where = r.broken.id === null ? 'after the last entry' : `at entry #${r.broken.id}`;
  return (
    `audit chain BROKEN ${where}: ${r.broken.reason}; ` +
    `${r.entries.toLocaleString('en')} entries verified before it`
  );
}
