import type { Kysely } from 'kysely';
import type { Budget } from '../../../shared/policy';
import { diffRequests, type FieldChange } from '../../../shared/requests/diff';
import type { DB } from '../../db/schema';
import { parseJson } from '../../core/json';

/** Submitted revisions (frozen body, checks and budget) and what changed between two of them. */

const revisionKey = (requestId: number, revision: number) => `${requestId}:${revision}`;

export type RevisionRow = Pick<
  DB['requestRevisions'],
  'requestId' | 'revision' | 'checks' | 'budget'
> & {
  /** Left out when loaded with `body: false`. */
  body?: DB['requestRevisions']['body'];
};

/**
 * The given (request, revision) pairs, keyed by `revisionKey`: the revisions of their requests in
 * one statement per 1,000 requests (an OR per pair would outgrow SQLite's expression depth at
 * about a thousand), the unwanted ones dropped here. `body: false` leaves the bodies out (an
 * inbox row needs the checks; only a diff needs bodies).
 */
export async function loadRevisions(
  db: Kysely<DB>,
  pairs: readonly (readonly [requestId: number, revision: number])[],
  { body = true }: { body?: boolean } = {},
): Promise<Map<string, RevisionRow>> {
  const wanted = new Set(pairs.map((p) => revisionKey(...p)));
  const ids = [...new Set(pairs.map(([requestId]) => requestId))];
  const out = new Map<string, RevisionRow>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('requestRevisions')
      .select(['requestId', 'revision', 'checks', 'budget'])
      .$if(body, (q) => q.select('body'))
      .where('requestId', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) {
      const key = revisionKey(r.requestId, r.revision);
      if (wanted.has(key)) out.set(key, r);
    }
  }
  return out;
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

/** What changed from `old` to `cur` (both loaded with bodies); nothing when either is missing. */
export function changesBetween(
  old: RevisionRow | undefined,
  cur: RevisionRow | undefined,
  since: number | null,
): { changes: FieldChange[]; since: number | null } {
  if (since === null || !old?.body || !cur?.body) return { changes: [], since: null };
  const changes = diffRequests(
    parseJson(old.body),
    parseJson(cur.body),
    budgetByCategory(parseJson(old.budget)),
    budgetByCategory(parseJson(cur.budget)),
  );
  return { changes, since };
}
