import type { Kysely } from 'kysely';
import type { Budget } from '../../../shared/policy';
import { diffRequests, type FieldChange } from '../../../shared/requests/diff';
import type { DB } from '../../db/schema';
import { parseJson } from '../../core/json';

/** Submitted revisions (frozen body, checks and budget) and what changed between two of them. */

const revisionKey = (requestId: number, revision: number) => `${requestId}:${revision}`;

export type RevisionRow = Pick<
  DB['requestRevisions'],
  'requestId' | 'revision' | 'body' | 'checks' | 'budget'
>;

/** The given (request, revision) pairs in one statement, keyed by `revisionKey`. */
export async function loadRevisions(
  db: Kysely<DB>,
  pairs: readonly (readonly [requestId: number, revision: number])[],
): Promise<Map<string, RevisionRow>> {
  const unique = [...new Map(pairs.map((p) => [revisionKey(...p), p])).values()];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('requestRevisions')
    .select(['requestId', 'revision', 'body', 'checks', 'budget'])
    .where((eb) =>
      eb.or(
        unique.map(([requestId, revision]) =>
          eb.and([eb('requestId', '=', requestId), eb('revision', '=', revision)]),
        ),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [revisionKey(r.requestId, r.revision), r]));
}

export function revisionOf(revs: Map<string, RevisionRow>, requestId: number, revision: number) {
  return revs.get(revisionKey(requestId, revision));
}

/**
 * The revision a viewer compares the current one with: the last earlier one he decided on, else
 * the one before. Null before a second revision exists.
 */
export function sinceRevision(current: number, decidedRounds: readonly number[]): number | null {
  if (current < 2) return null;
  const earlier = decidedRounds.filter((r) => r < current);
  return earlier.length > 0 ? Math.max(...earlier) : current - 1;
}

function budgetByCategory(budget: Budget): Record<string, number> {
  return Object.fromEntries(budget.lines.map((l) => [l.category, l.amountFen]));
}

/** What changed from `old` to `cur` (both loaded); nothing when either is missing. */
export function changesBetween(
  old: RevisionRow | undefined,
  cur: RevisionRow | undefined,
  since: number | null,
): { changes: FieldChange[]; since: number | null } {
  if (since === null || !old || !cur) return { changes: [], since: null };
  const changes = diffRequests(
    parseJson(old.body),
    parseJson(cur.body),
    budgetByCategory(parseJson(old.budget)),
    budgetByCategory(parseJson(cur.budget)),
  );
  return { changes, since };
}
