import type { Kysely } from 'kysely';
import type { Page } from '../../../shared/contract/types';
import type { SubjectType } from '../../../shared/approvals/steps';
import type { DecidedCursor, DecidedStep } from '../../../shared/approvals/views';
import type { OpParsed } from '../../../shared/contract/operations';
import { requireActor, type ServiceContext } from '../../core/context';
import { cappedTotal } from '../../core/paging';
import type { DB } from '../../db/schema';
import { subjectAdapter, type SubjectFacts } from './subjects';

/** Counting a person's decisions stops here ("1,000+"): a decade of an approver's work is more. */
const COUNT_CAP = 1_000;

function decidedBy(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('approvalSteps as s')
    .where('s.decidedBy', '=', userId)
    .where('s.decidedAtMs', 'is not', null);
}

/**
 * 已处理: the steps the caller decided, newest first. A keyset walk of approval_steps_decided
 * (decided_by, decided_at_ms, rowid); the subjects' codes come from their adapters, one statement
 * per subject type on the page.
 */
export async function decidedSteps(
  ctx: ServiceContext,
  f: OpParsed<'approvals.decided'>,
): Promise<Page<DecidedStep, DecidedCursor>> {
  const actor = requireActor(ctx);
  const after = f.after;
  const rows = await decidedBy(ctx.db, actor.userId)
    .leftJoin('users as b', 'b.id', 's.onBehalfOf')
    .select([
      's.id',
      's.kind',
      's.status',
      's.comment',
      's.decidedAtMs',
      's.subjectType',
      's.subjectId',
      'b.displayName as onBehalfOfName',
    ])
    .$if(after !== undefined, (qb) =>
      qb.where((eb) =>
        eb(eb.refTuple('s.decidedAtMs', 's.id'), '<', eb.tuple(after?.key ?? 0, after?.id ?? 0)),
      ),
    )
    .orderBy('s.decidedAtMs', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const more = rows.length > f.limit;
  const page = more ? rows.slice(0, f.limit) : rows;

  const subjects = new Map<SubjectType, Map<number, SubjectFacts>>();
  for (const type of new Set(page.map((r) => r.subjectType))) {
    const ids = [...new Set(page.filter((r) => r.subjectType === type).map((r) => r.subjectId))];
    subjects.set(type, await subjectAdapter(type).load(ctx.db, ids));
  }
  const items = page.flatMap((r): DecidedStep[] => {
    const adapter = subjectAdapter(r.subjectType);
    const subject = subjects.get(r.subjectType)?.get(r.subjectId);
    // A subject deleted since (a draft is never decided, so this does not happen today).
    if (!subject) return [];
    const params = adapter.noticeParams(subject);
    return [
      {
        id: r.id,
        kind: r.kind,
        status: r.status,
        comment: r.comment,
        decidedAtMs: r.decidedAtMs ?? 0,
        onBehalfOfName: r.onBehalfOfName,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        code: String(params.code ?? ''),
        org: String(params.org ?? ''),
        target: adapter.noticeTarget(subject),
      },
    ];
  });
  const last = page[page.length - 1];
  return {
    items,
    next: more && last ? { key: last.decidedAtMs ?? 0, id: last.id } : null,
    total:
      after === undefined
        ? await cappedTotal(
            ctx.db,
            decidedBy(ctx.db, actor.userId)
              .select('s.id')
              .limit(COUNT_CAP + 1)
              .as('m'),
            COUNT_CAP,
          )
        : null,
  };
}
