import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Result } from '../../../shared/result';
import { parseJson, toJson } from '../../core/json';
import type { DB } from '../../db/schema';

/**
 * Idempotency keys: a write that carries a key stores its answer in the same transaction as its
 * writes, so a retry with the same key gets that answer back and writes nothing. Keys are scoped
 * per user; a row lives a day, then any later keyed write purges it.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same input. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** SHA-256 of the operation and its input's canonical JSON. */
export function inputHash(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(operation)
    .update('\0')
    .update(JSON.stringify(canonical(input ?? {})) ?? 'null')
    .digest('hex');
}

export type StoredAnswer =
  | { status: 'none' }
  | { status: 'replay'; result: Result<unknown> }
  /** The key was used for another operation or input. */
  | { status: 'mismatch' };

/** The live (unexpired) answer stored under this user's key, if any. */
export async function findAnswer(
  db: Kysely<DB>,
  userId: number,
  key: string,
  hash: string,
  nowMs: number,
): Promise<StoredAnswer> {
  const row = await db
    .selectFrom('idempotencyKeys')
    .select(['inputHash', 'result'])
    .where('userId', '=', userId)
    .where('key', '=', key)
    .where('createdAtMs', '>', nowMs - IDEMPOTENCY_TTL_MS)
    .executeTakeFirst();
  if (!row) return { status: 'none' };
  if (row.inputHash !== hash) return { status: 'mismatch' };
  return { status: 'replay', result: parseJson(row.result) };
}

/** Stores the answer (and purges expired rows: cheap, through the index on the time). */
export async function storeAnswer(
  db: Kysely<DB>,
  row: {
    userId: number;
    key: string;
    operation: string;
    hash: string;
    result: Result<unknown>;
    nowMs: number;
  },
): Promise<void> {
  await db
    .deleteFrom('idempotencyKeys')
    .where('createdAtMs', '<=', row.nowMs - IDEMPOTENCY_TTL_MS)
    .execute();
  await db
    .insertInto('idempotencyKeys')
    .values({
      userId: row.userId,
      key: row.key,
      operation: row.operation,
      inputHash: row.hash,
      result: toJson(row.result),
      createdAtMs: row.nowMs,
    })
    // Stored after the commit (see the dispatcher), a concurrent call with the same key may have
    // stored its own answer first: that one stands.
    .onConflict((oc) => oc.doNothing())
    .execute();
}
