import type { Kysely } from 'kysely';
import { addDays, companyDate } from '../../../shared/dates';
import { retentionCutoff } from '../../../shared/frontdesk/rules';
import type { RequestBody, Visitor } from '../../../shared/requests';
import type { DB } from '../../db/schema';
import { parseJson, toJson, type Json } from '../../core/json';
import { writeTransaction } from '../../core/queries';
import { appendAudit } from '../audit';
import { IDEMPOTENCY_TTL_MS } from '../auth';
import { indexForSearch, maxStayDays } from '../requests';
import { getSettings } from '../settings';
import { removeExpiredBackups } from './retention/backups';
import { checkpointTruncate, optimizeRequestSearch } from './retention/queries';
import { getFrontdeskSettings } from './settings';

/**
 * What the retention job has done, under one settings key of this domain: `cutoff`, the last
 * cutoff processed (every visit that ended before it is anonymised already, so a run only looks
 * at visits that ended between that cutoff and its own), and `ranOn`, the company day of the
 * last run (the scheduler runs it once a day).
 */
const KEY = 'frontdesk.retention';

export interface RetentionMark {
  cutoff: string | null;
  ranOn: string | null;
}

/** The audit entry's operation: the job, not an operation anyone calls. */
export const RETENTION_OPERATION = 'frontdesk.retention';

export interface PurgeResult {
  /** Visits that ended before this day are anonymised (the last run's when nothing new was due). */
  cutoff: string;
  requests: number;
  /** Visitors of those requests, counted once per visitor (not per revision). */
  visitors: number;
  guests: number;
  walkIns: number;
  directory: number;
  /** Backups removed for being older than the period (when the run was given their folder). */
  backups: number;
}

export interface PurgeOptions {
  /**
   * The folder of the database's backups: those older than the retention period are deleted
   * after the database is purged (they hold the visitors it just anonymised).
   */
  backupDir?: string;
}

async function getMark(db: Kysely<DB>): Promise<RetentionMark> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return { cutoff: null, ranOn: null };
  const v = parseJson(row.value as Json<Partial<RetentionMark>>);
  return {
    cutoff: typeof v.cutoff === 'string' ? v.cutoff : null,
    ranOn: typeof v.ranOn === 'string' ? v.ranOn : null,
  };
}

async function putMark(db: Kysely<DB>, mark: RetentionMark): Promise<void> {
  const value = toJson<unknown>(mark);
  await db
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/**
 * A visitor with the personal fields gone: a placeholder name by place ("访客 1"), no title,
 * phone, ID or notes. The list keeps its length, so counts stay what they were.
 */
export function anonymousVisitor(v: Visitor, index: number): Visitor {
  return {
    ...v,
    name: `访客 ${index + 1}`,
    title: '',
    phone: '',
    idType: null,
    idNumber: '',
    notes: '',
  };
}

/**
 * A request's body with its visitors anonymised. A walk-in's retroactive request took its purpose
 * from what the desk typed about the person at the door, which the job empties on the walk-in
 * itself: it goes from the request too.
 */
function anonymousBody(body: RequestBody, fromWalkIn: boolean): RequestBody {
  return {
    ...body,
    ...(fromWalkIn ? { purpose: '' } : {}),
    visitors: body.visitors.map(anonymousVisitor),
  };
}

/** Which of these requests were made from a walk-in (its host accepted it). */
async function walkInRequests(db: Kysely<DB>, ids: readonly number[]): Promise<Set<number>> {
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .selectFrom('frontdeskWalkIns')
      .select('requestId')
      .where('requestId', 'in', ids.slice(i, i + 1000))
      .execute();
    for (const r of rows) if (r.requestId !== null) out.add(r.requestId);
  }
  return out;
}

/**
 * The retention job (issue 11, item 10): the personal data of every visitor whose visit ended
 * before `today − retentionDays` is anonymised, in one write transaction —
 * - each request's visitors in its body and in every submitted revision (name → "访客 n", the
 *   rest emptied), and its entry in the search index written again from the new text;
 * - the desk's attendance rows of those requests (name, phone, ID's last four);
 * - walk-ins of days before the cutoff (name, phone, purpose, the host's answer);
 * - the visitor directory's people last seen before the cutoff (deleted).
 * Counts and amounts stay (visitor_count, budget, bookings). Visits of any status, drafts too.
 * The search index is merged afterwards so no deleted term lingers in an old segment, then the
 * write-ahead log is checkpointed and truncated (secure_delete is on: freed pages are zeroed).
 * One audit entry per run. A second run with nothing new due changes nothing.
 */
export async function purgeExpiredVisitors(
  db: Kysely<DB>,
  nowMs: number,
  options: PurgeOptions = {},
): Promise<PurgeResult> {
  const { timeZone } = await getSettings(db);
  const today = companyDate(nowMs, timeZone);
  const result = await writeTransaction(db, async (trx) => {
    const { retentionDays } = await getFrontdeskSettings(trx);
    const cutoff = retentionCutoff(today, retentionDays);
    const mark = await getMark(trx);
    const from = mark.cutoff;
    const out: PurgeResult = {
      cutoff,
      requests: 0,
      visitors: 0,
      guests: 0,
      walkIns: 0,
      directory: 0,
      backups: 0,
    };
    if (from !== null && from >= cutoff) {
      // A longer period set since the last run: what is anonymised stays so; nothing new is due.
      await putMark(trx, { cutoff: from, ranOn: today });
      return { ...out, cutoff: from };
    }
    // Found on the arrival index: a visit that ended in [from, cutoff) arrived no earlier than
    // the longest stay before `from`.
    let q = trx
      .selectFrom('requests')
      .select(['id', 'code', 'body'])
      .where('arrivalDate', '<', cutoff)
      .where('departureDate', '<', cutoff);
    if (from !== null) {
      const stay = await maxStayDays(trx);
      q = q.where('arrivalDate', '>=', addDays(from, -stay - 1)).where('departureDate', '>=', from);
    }
    const due = await q.orderBy('id').execute();
    const ids = due.map((r) => r.id);
    const fromWalkIns = await walkInRequests(trx, ids);
    for (const r of due) {
      const walkIn = fromWalkIns.has(r.id);
      const body = anonymousBody(parseJson(r.body), walkIn);
      await trx
        .updateTable('requests')
        .set({ body: toJson(body) })
        .where('id', '=', r.id)
        .execute();
      await indexForSearch(trx, r.id, r.code, body, false);
      const revisions = await trx
        .selectFrom('requestRevisions')
        .select(['id', 'body'])
        .where('requestId', '=', r.id)
        .execute();
      for (const rev of revisions) {
        await trx
          .updateTable('requestRevisions')
          .set({ body: toJson(anonymousBody(parseJson(rev.body), walkIn)) })
          .where('id', '=', rev.id)
          .execute();
      }
      out.requests += 1;
      out.visitors += body.visitors.length;
    }
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      const g = await trx
        .updateTable('frontdeskGuests')
        // The desk's reasons were typed about this person and may name him: they go too.
        .set({
          name: '',
          phone: '',
          idLast4: '',
          overrideReason: '',
          watchOverrideReason: '',
          anonymised: 1,
        })
        .where('requestId', 'in', chunk)
        .where('anonymised', '=', 0)
        .executeTakeFirst();
      out.guests += Number(g.numUpdatedRows);
    }
    let w = trx
      .updateTable('frontdeskWalkIns')
      .set({ name: '', phone: '', purpose: '', answerComment: '', anonymised: 1 })
      .where('day', '<', cutoff)
      .where('anonymised', '=', 0);
    if (from !== null) w = w.where('day', '>=', from);
    out.walkIns = Number((await w.executeTakeFirst()).numUpdatedRows);
    const d = await trx
      .deleteFrom('frontdeskDirectory')
      .where('lastDay', '<', cutoff)
      .executeTakeFirst();
    out.directory = Number(d.numDeletedRows);
    // A keyed write's cached answer holds what it returned (a dossier: its visitors). Expired
    // rows go at the next keyed write; a quiet stretch must not keep them past the period.
    await trx
      .deleteFrom('idempotencyKeys')
      .where('createdAtMs', '<=', nowMs - IDEMPOTENCY_TTL_MS)
      .execute();
    if (out.requests > 0) await optimizeRequestSearch(trx);
    await putMark(trx, { cutoff, ranOn: today });
    await appendAudit(trx, {
      atMs: nowMs,
      actorUserId: null,
      actorName: null,
      operation: RETENTION_OPERATION,
      entityType: 'frontdesk_retention',
      entityId: null,
      summary: {
        keptFrom: cutoff,
        retentionDays,
        anonymised: out.visitors + out.walkIns,
      },
    });
    return out;
  });
  await checkpointTruncate(db);
  if (options.backupDir !== undefined) {
    const { retentionDays } = await getFrontdeskSettings(db);
    result.backups = removeExpiredBackups(options.backupDir, nowMs, retentionDays).length;
  }
  return result;
}

/**
 * The scheduler's daily round: the retention job once per company day (the first tick of the
 * day runs it; the others see the day in the mark and do nothing). Returns what it did, or null.
 */
export async function runRetentionIfDue(
  db: Kysely<DB>,
  nowMs: number,
  options: PurgeOptions = {},
): Promise<PurgeResult | null> {
  const { timeZone } = await getSettings(db);
  const mark = await getMark(db);
  if (mark.ranOn === companyDate(nowMs, timeZone)) return null;
  return purgeExpiredVisitors(db, nowMs, options);
}
