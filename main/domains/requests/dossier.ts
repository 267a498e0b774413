import { estimateBudget } from '../../../shared/policy';
import { EDITABLE_STATUSES } from '../../../shared/requests/lifecycle';
import { mayCancelRequest, mayDeleteDraft } from '../../../shared/requests/rights';
import type { RequestDossier } from '../../../shared/requests/views';
import { requireActor, type ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import { actingRight, remindedOn } from '../approvals';
import { companyToday } from '../settings';
import { callPolicy } from '../policy';
import { readableRequest } from './access';
import { loadEvents } from './events';
import { previewRequest } from './preview';
import { toSummary } from './queries';
import { changesBetween, loadRevisions, revisionOf, sinceRevision } from './revisions';

/** The request as the caller may see it; "not found" to anyone the rights say may not. */
export async function getDossier(ctx: ServiceContext, id: number): Promise<RequestDossier> {
  const actor = requireActor(ctx);
  const { row, steps } = await readableRequest(ctx, id);

  const body = parseJson(row.body);
  const status = row.status;
  const since = sinceRevision(
    row.revision,
    steps
      .filter((s) => s.decidedBy === actor.userId || s.onBehalfOf === actor.userId)
      .map((s) => s.revision),
  );
  const revs =
    row.revision > 0
      ? await loadRevisions(ctx.db, [
          [id, row.revision],
          ...(since !== null ? [[id, since] as const] : []),
        ])
      : new Map();
  const current = revisionOf(revs, id, row.revision);
  // Submitted requests show what was checked under their own policy version.
  const frozen = current && status !== 'draft' ? current : undefined;
  const checks = frozen
    ? parseJson(frozen.checks)
    : (await previewRequest(ctx, body, id, row.hostUserId)).checks;
  const budget = frozen
    ? parseJson(frozen.budget)
    : estimateBudget(body, (await callPolicy(ctx, row.policyVersion ?? undefined)).policy);

  let myStep: RequestDossier['myStep'] = null;
  for (const s of steps.filter((st) => st.revision === row.revision && st.status === 'pending')) {
    const right = await actingRight(ctx, s, row.hostUserId);
    if (right) {
      myStep = {
        stepId: s.id,
        version: s.version,
        onBehalfOfName: right.onBehalfOf?.displayName ?? null,
      };
      break;
    }
  }
  const { changes, since: changesSinceRevision } = changesBetween(
    since === null ? undefined : revisionOf(revs, id, since),
    current,
    since,
  );
  const isHost = row.hostUserId === actor.userId;
  // 催办: the host may chase the step his request waits on, once a day.
  const open = isHost
    ? steps.find((s) => s.revision === row.revision && s.status === 'pending')
    : undefined;
  const remind = open
    ? {
        stepId: open.id,
        remindedToday: (await remindedOn(ctx.db, [open.id], await companyToday(ctx))).has(open.id),
      }
    : null;
  return {
    ...toSummary(row),
    body,
    policyVersion: row.policyVersion,
    checks,
    budget,
    steps,
    events: await loadEvents(ctx.db, id),
    changes,
    changesSinceRevision,
    myStep,
    remind,
    canEdit: isHost && EDITABLE_STATUSES.includes(status),
    canCancel: mayCancelRequest(actor, row),
    canDelete: mayDeleteDraft(actor, row),
  };
}
