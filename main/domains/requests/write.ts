import type { OpParsed } from '../../../shared/contract/operations';
import { blocking, CHECK_FIELD, estimateBudget } from '../../../shared/policy';
import type { RequestStatus } from '../../../shared/requests/lifecycle';
import { orgKey } from '../../../shared/requests/org';
import { submitIssues, type RequestBody } from '../../../shared/requests/schema';
import type { Message } from '../../../shared/result';
import { requireActor, type ServiceContext } from '../../core/context';
import { AppError, Failure, fieldError } from '../../core/errors';
import { toJson } from '../../core/json';
import {
  activateNext,
  planSteps,
  unstaffedStep,
  voidOpenSteps,
  type PlannedStep,
} from '../approvals';
import { rememberVisitors, watchRequestVisitors } from '../frontdesk';
import { callPolicy } from '../policy';
import { companyToday } from '../settings';
import { getDossier } from './dossier';
import { addEvent } from './events';
import { previewWithHead } from './preview';
import { indexForSearch, loadRow } from './queries';
import { transition } from './status';

/**
 * The next request code of the company day (JD20261127-001 …). Safe for two writers: writes run
 * under the write lock (BEGIN IMMEDIATE, see the dispatcher), so no other process can take the
 * same number between this read and the insert; the UNIQUE code would refuse it anyway.
 */
async function nextCode(ctx: ServiceContext): Promise<string> {
  const day = (await companyToday(ctx)).replaceAll('-', '');
  const prefix = `JD${day}-`;
  // A range on the unique code index (LIKE would not use it), and the longest code first: after
  // 999 requests in a day "JD…-1000" sorts below "JD…-999" as text.
  const row = await ctx.db
    .selectFrom('requests')
    .select('code')
    .where('code', '>=', prefix)
    .where('code', '<', `${prefix}~`)
    .orderBy((eb) => eb.fn('length', ['code']), 'desc')
    .orderBy('code', 'desc')
    .limit(1)
    .executeTakeFirst();
  const last = row?.code ? Number(row.code.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(3, '0')}`;
}

/** The columns that mirror the body, for lists and filters. */
function mirror(body: RequestBody, budgetTotalFen: number) {
  return {
    departmentId: body.departmentId,
    orgName: body.orgName.trim(),
    orgKey: orgKey(body.orgName),
    orgCategory: body.orgCategory,
    tier: body.tier,
    arrivalDate: body.arrivalDate,
    departureDate: body.departureDate,
    visitorCount: body.visitors.length,
    retroactive: body.retroactive ? (1 as const) : (0 as const),
    body: toJson(body),
    budgetTotalFen,
  };
}

/**
 * Creates a draft, or stores the host's edits at the version he saw. Returns the request id, its
 * status and its last submitted revision.
 */
async function store(
  ctx: ServiceContext,
  input: OpParsed<'requests.saveDraft'>,
  allowed: readonly RequestStatus[],
): Promise<{ id: number; code: string; status: RequestStatus; revision: number }> {
  const actor = requireActor(ctx);
  const body = input.body;
  const me = await ctx.db
    .selectFrom('users')
    .select('departmentId')
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (body.departmentId === null) {
    body.departmentId = me.departmentId;
  } else if (me.departmentId !== body.departmentId) {
    // The department decides who approves first: a host files for his own department only.
    throw fieldError('body.departmentId', 'errors.notYourDepartment');
  }
  const { policy } = await callPolicy(ctx);
  const total = estimateBudget(body, policy).totalFen;
  if (input.id === null) {
    const { id, code } = await ctx.db
      .insertInto('requests')
      .values({
        code: await nextCode(ctx),
        status: 'draft',
        hostUserId: actor.userId,
        ...mirror(body, total),
        policyVersion: null,
        createdAtMs: ctx.nowMs,
        updatedAtMs: ctx.nowMs,
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow();
    await indexForSearch(ctx.db, id, code, body, true);
    await addEvent(ctx.db, {
      requestId: id,
      atMs: ctx.nowMs,
      actorUserId: actor.userId,
      kind: 'created',
    });
    return { id, code, status: 'draft', revision: 0 };
  }
  const row = await loadRow(ctx.db, input.id);
  // Someone else's request: answer as if it did not exist, as requests.get does.
  if (row.hostUserId !== actor.userId) throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  const status = row.status;
  if (!allowed.includes(status)) throw new AppError('CONFLICT', 'errors.notEditable', { status });
  if (input.version !== row.version) throw new AppError('CONFLICT', 'errors.staleRequest');
  await ctx.db
    .updateTable('requests')
    .set({ ...mirror(body, total), version: row.version + 1, updatedAtMs: ctx.nowMs })
    .where('id', '=', row.id)
    .execute();
  await indexForSearch(ctx.db, row.id, row.code, body, false);
  return { id: row.id, code: row.code, status, revision: row.revision };
}

export async function saveDraft(ctx: ServiceContext, input: OpParsed<'requests.saveDraft'>) {
  const { id, code } = await store(ctx, input, ['draft', 'returned']);
  // The code names the request in the audit log: it never changes, so it is kept with the entry.
  ctx.audit({
    entityType: 'request',
    entityId: id,
    summary: { code, orgName: input.body.orgName, tier: input.body.tier },
  });
  return getDossier(ctx, id);
}

/**
 * A submission into a chain with a step nobody could act on: nothing is submitted, but what the
 * host typed is kept — a draft or a returned request stores the body (the call fails with a
 * Failure, so this write stands) and the error names the request and its new version, so the
 * form goes on from there. An approved request is not changed without a new approval: the error
 * rolls everything back. The message names the missing approver and whom to ask (the sysadmin).
 */
async function saveUnsubmitted(
  ctx: ServiceContext,
  input: OpParsed<'requests.submit'>,
  kind: PlannedStep['kind'],
): Promise<Failure> {
  const actor = requireActor(ctx);
  if (input.id !== null) {
    const row = await loadRow(ctx.db, input.id);
    if (row.hostUserId === actor.userId && row.status === 'approved') {
      throw new AppError('CONFLICT', `errors.noApprover.${kind}`, { step: kind });
    }
  }
  const { id, code } = await store(ctx, input, ['draft', 'returned']);
  const { version } = await loadRow(ctx.db, id);
  ctx.audit({
    entityType: 'request',
    entityId: id,
    summary: { code, orgName: input.body.orgName, tier: input.body.tier, notSubmitted: kind },
  });
  return new Failure(
    new AppError('CONFLICT', `errors.noApproverDraftSaved.${kind}`, {
      step: kind,
      requestId: id,
      version,
    }),
  );
}

/** Field paths as the dispatcher's own validation names them (`body.visitors.0.phone`). */
function issuesToFieldErrors(issues: { path: string; key: string; params?: Message['params'] }[]) {
  const out: Record<string, Message> = {};
  for (const i of issues) {
    const path = `body.${i.path}`;
    if (!(path in out)) out[path] = i.params ? { key: i.key, params: i.params } : { key: i.key };
  }
  return out;
}

/**
 * Submits (or resubmits) a request: completeness, then the policy checks under the current
 * policy version; a block stops it and nothing is saved. Then every step of the chain must have
 * someone who could act on it: if one has nobody, the body is saved as it stands (a draft stays a
 * draft, a returned request stays returned) and the call fails, naming the missing approver; an
 * approved request is left as it was. Otherwise the revision is frozen with its checks and
 * budget, and the approval chain starts.
 */
export async function submitRequest(
  ctx: ServiceContext,
  input: OpParsed<'requests.submit'>,
): Promise<Awaited<ReturnType<typeof getDossier>> | Failure> {
  const actor = requireActor(ctx);
  const body = input.body;
  const issues = submitIssues(body);
  if (issues.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      'errors.INVALID_INPUT',
      undefined,
      issuesToFieldErrors(issues),
    );
  }
  const { preview, headUserId } = await previewWithHead(ctx, body, input.id, actor.userId);
  const blocks = blocking(preview.checks);
  if (blocks.length > 0) {
    const fieldErrors: Record<string, Message> = {};
    for (const c of blocks) {
      const field = CHECK_FIELD[c.code];
      fieldErrors[field ? `body.${field}` : '_'] = { key: `checks.${c.code}`, params: c.params };
    }
    throw new AppError(
      'INVALID_INPUT',
      'errors.policyBlocks',
      { count: blocks.length },
      fieldErrors,
    );
  }

  // The planned chain becomes steps: the department head by name (a department without a head
  // leaves the step to anyone holding the role), executives and the admin office as pools.
  const plan: PlannedStep[] = preview.chain.map((p) => ({
    kind: p.kind,
    reason: p.reason,
    assigneeUserId: p.kind === 'dept_head' && !p.skipped ? headUserId : null,
    skipped: p.skipped === true,
  }));
  const unstaffed = await unstaffedStep(ctx, plan, actor.userId);
  if (unstaffed) return saveUnsubmitted(ctx, input, unstaffed.kind);

  const stored = await store(ctx, input, ['draft', 'returned', 'approved']);
  const { id } = stored;
  const ref = { type: 'request', id } as const;
  const revision = stored.revision + 1;
  await ctx.db
    .updateTable('requests')
    .set({ revision, policyVersion: preview.policyVersion })
    .where('id', '=', id)
    .execute();
  await ctx.db
    .insertInto('requestRevisions')
    .values({
      requestId: id,
      revision,
      body: toJson(body),
      checks: toJson(preview.checks),
      budget: toJson(preview.budget),
      policyVersion: preview.policyVersion,
      submittedAtMs: ctx.nowMs,
      submittedBy: actor.userId,
    })
    .execute();
  // Steps of an earlier round that were still open are void now.
  await voidOpenSteps(ctx, ref);
  await transition(ctx.db, id, stored.status, 'submit', ctx.nowMs);
  await addEvent(ctx.db, {
    requestId: id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: revision > 1 ? 'resubmitted' : 'submitted',
    data: { revision, policyVersion: preview.policyVersion },
  });

  await planSteps(ctx, ref, revision, plan);
  await transition(ctx.db, id, 'submitted', 'start_approval', ctx.nowMs);
  await activateNext(ctx, ref, revision);
  // The visitors are remembered once submitted (a draft's are not): the next form suggests them.
  const people = body.visitors.map((v) => ({ ...v, orgName: body.orgName }));
  await rememberVisitors(ctx, people, body.arrivalDate || (await companyToday(ctx)));
  ctx.audit({
    entityType: 'request',
    entityId: id,
    summary: {
      code: stored.code,
      revision,
      tier: body.tier,
      policyVersion: preview.policyVersion,
      chain: preview.chain.map((c) => c.kind),
    },
  });
  // The watchlist's request-time check: a hit tells the admin office (never the host).
  await watchRequestVisitors(ctx, id);
  return getDossier(ctx, id);
}
