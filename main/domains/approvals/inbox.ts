import { mayAct, poolKinds, type ActingRight } from '../../../shared/approvals/rights';
import type { SubjectType } from '../../../shared/approvals/steps';
import type { InboxItem } from '../../../shared/approvals/views';
import { requireActor, type ServiceContext } from '../../core/context';
import { pendingCandidates } from './queries';
import { callDelegators } from './rights';
import { subjectAdapter, type InboxSubject, type SubjectFacts } from './subjects';

type Candidate = Awaited<ReturnType<typeof pendingCandidates>>[number];

interface Decidable {
  candidate: Candidate;
  subject: SubjectFacts;
  right: ActingRight;
}

/**
 * Pending steps the caller may decide now: his own, his roles' pools and his delegators', of each
 * subject's current round. A constant number of statements: the delegations, the candidate steps,
 * and one per subject type.
 */
async function decidable(ctx: ServiceContext): Promise<Decidable[]> {
  const actor = requireActor(ctx);
  const delegators = await callDelegators(ctx);
  const candidates = await pendingCandidates(
    ctx.db,
    [actor.userId, ...delegators.map((d) => d.userId)],
    poolKinds(actor, delegators),
  );
  const subjects = new Map<SubjectType, Map<number, SubjectFacts>>();
  for (const type of new Set(candidates.map((c) => c.subjectType))) {
    const ids = [
      ...new Set(candidates.filter((c) => c.subjectType === type).map((c) => c.subjectId)),
    ];
    subjects.set(type, await subjectAdapter(type).load(ctx.db, ids));
  }
  return candidates.flatMap((candidate) => {
    const subject = subjects.get(candidate.subjectType)?.get(candidate.subjectId);
    if (!subject || candidate.revision !== subject.revision) return [];
    const right = mayAct(candidate, actor, subject.ownerUserId, delegators);
    return right ? [{ candidate, subject, right }] : [];
  });
}

/** The caller's approval tasks, the soonest due first. */
export async function inbox(ctx: ServiceContext): Promise<InboxItem[]> {
  const actor = requireActor(ctx);
  const mine = await decidable(ctx);
  const rows = new Map<SubjectType, Map<number, InboxSubject>>();
  for (const type of new Set(mine.map((m) => m.candidate.subjectType))) {
    const subjects = [
      ...new Map(
        mine.filter((m) => m.candidate.subjectType === type).map((m) => [m.subject.id, m.subject]),
      ).values(),
    ];
    rows.set(type, await subjectAdapter(type).inboxRows(ctx, subjects, actor.userId));
  }
  const out = mine.flatMap(({ candidate, right }) => {
    const { subjectType, subjectId, ...step } = candidate;
    const row = rows.get(subjectType)?.get(subjectId);
    if (!row) return [];
    const item: InboxItem = { ...row, step, onBehalfOfName: right.onBehalfOf?.displayName ?? null };
    return [{ item, due: subjectAdapter(subjectType).dueDate(row) }];
  });
  return out.sort((a, b) => a.due.localeCompare(b.due)).map((o) => o.item);
}

/** The inbox badge: as many as the inbox holds, without building it. */
export async function inboxCount(ctx: ServiceContext): Promise<{ count: number }> {
  return { count: (await decidable(ctx)).length };
}
