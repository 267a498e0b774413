import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { hasPermission, type Role } from '../../../shared/auth/roles';
import type { OpParsed } from '../../../shared/contract/operations';
import type { Page } from '../../../shared/contract/types';
import { companyDate } from '../../../shared/dates';
import {
  blocking,
  estimateBudget,
  evaluateChecks,
  planChain,
  type Budget,
  type PolicyCheck,
} from '../../../shared/policy/evaluate';
import type { ChainStepKind, Tier } from '../../../shared/policy/policy';
import { diffRequests, type FieldChange } from '../../../shared/requests/diff';
import {
  EDITABLE_STATUSES,
  LIVE_STATUSES,
  nextStatus,
  type RequestAction,
  type RequestStatus,
} from '../../../shared/requests/lifecycle';
import { submitIssues, type RequestBody } from '../../../shared/requests/schema';
import type {
  RequestDossier,
  RequestEventView,
  RequestPreview,
  RequestSummary,
} from '../../../shared/requests/views';
import type { ApprovalStepView } from '../../../shared/approvals/views';
import type { Message } from '../../../shared/result';
import type { DB } from '../../db/schema';
import type { Actor, ServiceContext } from '../../core/context';
import { delegatorsOf } from '../delegations';
import { AppError, fieldError } from '../../core/errors';
import { notify } from '../notifications';
import { getPolicy } from '../policy';
import { getSettings } from '../settings';

export const STEP_ROLE: Record<ChainStepKind, Role> = {
  dept_head: 'dept_head',
  executive: 'executive',
  admin_office: 'admin_office',
};

export async function companyToday(db: Kysely<DB>, nowMs: number): Promise<string> {
  return companyDate(nowMs, (await getSettings(db)).timeZone);
}

/** Arrival dates of other live requests for the same organisation (case-insensitive name). */
async function otherVisitDates(db: Kysely<DB>, orgName: string, excludeId: number | null) {
  if (orgName.trim() === '') return [];
  let q = db
    .selectFrom('requests')
    .select('arrivalDate')
    .where(sql<boolean>`org_name = ${orgName.trim()} COLLATE NOCASE`)
    .where('status', 'in', [...LIVE_STATUSES])
    .where('arrivalDate', '!=', '');
  if (excludeId !== null) q = q.where('id', '!=', excludeId);
  return (await q.execute()).map((r) => r.arrivalDate);
}

/** The head of the request's department (the host's own when the body names none). */
async function departmentHead(db: Kysely<DB>, body: RequestBody, hostUserId: number) {
  const deptId =
    body.departmentId ??
    (
      await db
        .selectFrom('users')
        .select('departmentId')
        .where('id', '=', hostUserId)
        .executeTakeFirst()
    )?.departmentId ??
    null;
  if (deptId === null) return null;
  const dept = await db
    .selectFrom('departments')
    .select('headUserId')
    .where('id', '=', deptId)
    .executeTakeFirst();
  return dept?.headUserId ?? null;
}

/** Checks, budget and chain under the current policy (what the form shows while typing). */
export async function previewRequest(
  db: Kysely<DB>,
  nowMs: number,
  body: RequestBody,
  excludeId: number | null,
  hostUserId: number,
): Promise<RequestPreview> {
  const { version, policy } = await getPolicy(db);
  const today = await companyToday(db, nowMs);
  const checks = evaluateChecks(body, policy, {
    today,
    otherVisitDates: await otherVisitDates(db, body.orgName, excludeId),
  });
  return {
    policyVersion: version,
    today,
    suggestedTier: policy.suggestedTier[body.orgCategory],
    checks,
    budget: estimateBudget(body, policy),
    chain: planChain(body, policy, checks, {
      hostIsHead: (await departmentHead(db, body, hostUserId)) === hostUserId,
    }),
  };
}

// ---------------------------------------------------------------- reading

function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('requests as r')
    .innerJoin('users as h', 'h.id', 'r.hostUserId')
    .leftJoin('departments as d', 'd.id', 'r.departmentId')
    .select([
      'r.id',
      'r.code',
      'r.status',
      'r.hostUserId',
      'h.displayName as hostName',
      'r.departmentId',
      'd.name as departmentName',
      'r.orgName',
      'r.tier',
      'r.arrivalDate',
      'r.departureDate',
      'r.visitorCount',
      'r.budgetTotalFen',
      'r.retroactive',
      'r.revision',
      'r.version',
      'r.updatedAtMs',
      'r.body',
      'r.policyVersion',
    ]);
}
type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): RequestSummary {
  return {
    id: r.id,
    code: r.code,
    status: r.status as RequestStatus,
    hostUserId: r.hostUserId,
    hostName: r.hostName,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    orgName: r.orgName,
    tier: r.tier as Tier,
    arrivalDate: r.arrivalDate,
    departureDate: r.departureDate,
    visitorCount: r.visitorCount,
    budgetTotalFen: r.budgetTotalFen,
    retroactive: r.retroactive === 1,
    revision: r.revision,
    version: r.version,
    updatedAtMs: r.updatedAtMs,
  };
}

async function loadRow(db: Kysely<DB>, id: number): Promise<SummaryRow> {
  const row = await summaryQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  return row;
}

export async function loadSteps(db: Kysely<DB>, requestId: number): Promise<ApprovalStepView[]> {
  const rows = await db
    .selectFrom('approvalSteps as s')
    .leftJoin('users as a', 'a.id', 's.assigneeUserId')
    .leftJoin('users as d', 'd.id', 's.decidedBy')
    .leftJoin('users as b', 'b.id', 's.onBehalfOf')
    .select([
      's.id',
      's.revision',
      's.seq',
      's.kind',
      's.reason',
      's.assigneeUserId',
      'a.displayName as assigneeName',
      's.status',
      's.decidedBy',
      'd.displayName as decidedByName',
      's.onBehalfOf',
      'b.displayName as onBehalfOfName',
      's.decidedAtMs',
      's.comment',
      's.version',
    ])
    .where('s.requestId', '=', requestId)
    .orderBy('s.revision')
    .orderBy('s.seq')
    .execute();
  return rows.map((r) => ({
    ...r,
    kind: r.kind as ChainStepKind,
    status: r.status as ApprovalStepView['status'],
  }));
}

async function loadEvents(db: Kysely<DB>, requestId: number): Promise<RequestEventView[]> {
  const rows = await db
    .selectFrom('requestEvents as e')
    .leftJoin('users as a', 'a.id', 'e.actorUserId')
    .leftJoin('users as b', 'b.id', 'e.onBehalfOfUserId')
    .select([
      'e.id',
      'e.atMs',
      'a.displayName as actorName',
      'b.displayName as onBehalfOfName',
      'e.kind',
      'e.comment',
      'e.data',
    ])
    .where('e.requestId', '=', requestId)
    .orderBy('e.atMs')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/**
 * Who may act on a pending step: its assignee, anyone holding its role when it has none, or a
 * delegate of either. The host never approves his own request.
 */
export async function actingRight(
  db: Kysely<DB>,
  actor: Actor,
  step: { kind: string; assigneeUserId: number | null; status: string },
  hostUserId: number,
  today: string,
): Promise<{ onBehalfOf: { userId: number; displayName: string } | null } | null> {
  if (step.status !== 'pending' || actor.userId === hostUserId) return null;
  const role = STEP_ROLE[step.kind as ChainStepKind];
  if (step.assigneeUserId === actor.userId) return { onBehalfOf: null };
  if (step.assigneeUserId === null && actor.roles.includes(role)) return { onBehalfOf: null };
  for (const delegatorId of await delegatorsOf(db, actor.userId, today)) {
    if (delegatorId === hostUserId) continue;
    const delegator = await db
      .selectFrom('users')
      .select(['id', 'displayName', 'disabled'])
      .where('id', '=', delegatorId)
      .executeTakeFirst();
    if (!delegator || delegator.disabled) continue;
    const holds =
      step.assigneeUserId === delegatorId ||
      (step.assigneeUserId === null &&
        (await db
          .selectFrom('userRoles')
          .select('userId')
          .where('userId', '=', delegatorId)
          .where('role', '=', role)
          .executeTakeFirst()) !== undefined);
    if (holds) return { onBehalfOf: { userId: delegator.id, displayName: delegator.displayName } };
  }
  return null;
}

async function canView(db: Kysely<DB>, actor: Actor, row: SummaryRow, today: string) {
  if (row.hostUserId === actor.userId) return true;
  if (hasPermission(actor.roles, 'requests.readAll')) return true;
  // Whoever acted on it (commented, transferred, decided) keeps sight of it; a head sees his department's.
  const acted = await db
    .selectFrom('requestEvents')
    .select('id')
    .where('requestId', '=', row.id)
    .where((eb) =>
      eb.or([eb('actorUserId', '=', actor.userId), eb('onBehalfOfUserId', '=', actor.userId)]),
    )
    .executeTakeFirst();
  if (acted) return true;
  if (row.departmentId !== null) {
    const head = await db
      .selectFrom('departments')
      .select('id')
      .where('id', '=', row.departmentId)
      .where('headUserId', '=', actor.userId)
      .executeTakeFirst();
    if (head) return true;
  }
  const steps = await db
    .selectFrom('approvalSteps')
    .select(['kind', 'assigneeUserId', 'status', 'decidedBy', 'onBehalfOf'])
    .where('requestId', '=', row.id)
    .execute();
  const delegators = await delegatorsOf(db, actor.userId, today);
  return steps.some(
    (s) =>
      s.assigneeUserId === actor.userId ||
      s.decidedBy === actor.userId ||
      (s.assigneeUserId !== null && delegators.includes(s.assigneeUserId)) ||
      (s.assigneeUserId === null && actor.roles.includes(STEP_ROLE[s.kind as ChainStepKind])),
  );
}

function budgetByCategory(budget: Budget): Record<string, number> {
  return Object.fromEntries(budget.lines.map((l) => [l.category, l.amountFen]));
}

/** Changes since the last revision this viewer decided on, else since the previous one. */
async function changesFor(
  db: Kysely<DB>,
  row: SummaryRow,
  viewerId: number,
): Promise<{ changes: FieldChange[]; since: number | null }> {
  if (row.revision < 2) return { changes: [], since: null };
  const decided = await db
    .selectFrom('approvalSteps')
    .select((eb) => eb.fn.max('revision').as('rev'))
    .where('requestId', '=', row.id)
    .where('revision', '<', row.revision)
    .where((eb) => eb.or([eb('decidedBy', '=', viewerId), eb('onBehalfOf', '=', viewerId)]))
    .executeTakeFirst();
  const since = (decided?.rev as number | null | undefined) ?? row.revision - 1;
  const [old, cur] = await Promise.all(
    [since, row.revision].map((rev) =>
      db
        .selectFrom('requestRevisions')
        .select(['body', 'budget'])
        .where('requestId', '=', row.id)
        .where('revision', '=', rev)
        .executeTakeFirst(),
    ),
  );
  if (!old || !cur) return { changes: [], since: null };
  const changes = diffRequests(
    JSON.parse(old.body) as RequestBody,
    JSON.parse(cur.body) as RequestBody,
    budgetByCategory(JSON.parse(old.budget) as Budget),
    budgetByCategory(JSON.parse(cur.budget) as Budget),
  );
  return { changes, since };
}

export async function getDossier(
  db: Kysely<DB>,
  actor: Actor,
  nowMs: number,
  id: number,
): Promise<RequestDossier> {
  const row = await loadRow(db, id);
  const today = await companyToday(db, nowMs);
  if (!(await canView(db, actor, row, today)))
    throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  const body = JSON.parse(row.body) as RequestBody;
  const status = row.status as RequestStatus;
  // Submitted requests show what was checked under their own policy version.
  const { policy } = await getPolicy(db, row.policyVersion ?? undefined);
  const rev =
    row.revision > 0
      ? await db
          .selectFrom('requestRevisions')
          .select(['checks', 'budget'])
          .where('requestId', '=', id)
          .where('revision', '=', row.revision)
          .executeTakeFirst()
      : undefined;
  const checks: PolicyCheck[] =
    rev && status !== 'draft'
      ? (JSON.parse(rev.checks) as PolicyCheck[])
      : (await previewRequest(db, nowMs, body, id, row.hostUserId)).checks;
  const budget: Budget =
    rev && status !== 'draft' ? (JSON.parse(rev.budget) as Budget) : estimateBudget(body, policy);
  const steps = await loadSteps(db, id);
  let myStep: RequestDossier['myStep'] = null;
  for (const s of steps.filter((st) => st.revision === row.revision && st.status === 'pending')) {
    const right = await actingRight(db, actor, s, row.hostUserId, today);
    if (right) {
      myStep = {
        stepId: s.id,
        version: s.version,
        onBehalfOfName: right.onBehalfOf?.displayName ?? null,
      };
      break;
    }
  }
  const { changes, since } = await changesFor(db, row, actor.userId);
  const isHost = row.hostUserId === actor.userId;
  return {
    ...toSummary(row),
    body,
    policyVersion: row.policyVersion,
    checks,
    budget,
    steps,
    events: await loadEvents(db, id),
    changes,
    changesSinceRevision: since,
    myStep,
    canEdit: isHost && EDITABLE_STATUSES.includes(status),
    canCancel:
      (isHost || actor.roles.includes('admin_office')) && nextStatus(status, 'cancel') !== null,
  };
}

export async function listRequests(
  db: Kysely<DB>,
  actor: Actor,
  f: OpParsed<'requests.list'>,
): Promise<Page<RequestSummary>> {
  if (f.scope === 'all' && !hasPermission(actor.roles, 'requests.readAll')) {
    throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  }
  let q = summaryQuery(db);
  if (f.scope === 'mine') q = q.where('r.hostUserId', '=', actor.userId);
  // A draft is the host's own business until it is submitted.
  else q = q.where('r.status', '!=', 'draft');
  if (f.statuses?.length) q = q.where('r.status', 'in', f.statuses);
  if (f.tiers?.length) q = q.where('r.tier', 'in', f.tiers);
  if (f.departmentId !== undefined) q = q.where('r.departmentId', '=', f.departmentId);
  if (f.fromDate) q = q.where('r.departureDate', '>=', f.fromDate);
  if (f.toDate) q = q.where('r.arrivalDate', '<=', f.toDate);
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    // Search the body's text values, not its JSON text: every key name would match.
    q = q.where(
      sql<boolean>`(r.org_name LIKE ${like} ESCAPE '\\' OR r.code LIKE ${like} ESCAPE '\\'
        OR h.display_name LIKE ${like} ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM json_tree(r.body) j
                   WHERE j.type = 'text' AND j.value LIKE ${like} ESCAPE '\\'))`,
    );
  }
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const order = {
    arrival_desc: ['r.arrivalDate', 'desc'],
    arrival_asc: ['r.arrivalDate', 'asc'],
    updated_desc: ['r.updatedAtMs', 'desc'],
    budget_desc: ['r.budgetTotalFen', 'desc'],
  } as const;
  const [col, dir] = order[f.sort];
  const rows = await q
    .orderBy(col, dir)
    .orderBy('r.id', 'desc')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { total: Number(total.n), items: rows.map(toSummary) };
}

// ---------------------------------------------------------------- writing

export async function addEvent(
  db: Kysely<DB>,
  e: {
    requestId: number;
    atMs: number;
    actorUserId: number | null;
    onBehalfOfUserId?: number | null;
    kind: string;
    stepId?: number | null;
    comment?: string;
    data?: unknown;
  },
) {
  await db
    .insertInto('requestEvents')
    .values({
      requestId: e.requestId,
      atMs: e.atMs,
      actorUserId: e.actorUserId,
      onBehalfOfUserId: e.onBehalfOfUserId ?? null,
      kind: e.kind,
      stepId: e.stepId ?? null,
      comment: e.comment ?? '',
      data: JSON.stringify(e.data ?? {}),
    })
    .execute();
}

/** Moves a request along the life cycle or refuses: the only place a status changes. */
export async function transition(
  db: Kysely<DB>,
  id: number,
  from: RequestStatus,
  action: RequestAction,
  nowMs: number,
): Promise<RequestStatus> {
  const to = nextStatus(from, action);
  if (!to) throw new AppError('CONFLICT', 'errors.badTransition', { from, action });
  const res = await db
    .updateTable('requests')
    .set((eb) => ({ status: to, version: eb('version', '+', 1), updatedAtMs: nowMs }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'errors.staleRequest');
  return to;
}

async function nextCode(db: Kysely<DB>, nowMs: number): Promise<string> {
  const day = (await companyToday(db, nowMs)).replaceAll('-', '');
  const prefix = `JD${day}-`;
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.max('code').as('code'))
    .where('code', 'like', `${prefix}%`)
    .executeTakeFirst();
  const last = row?.code ? Number(String(row.code).slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(3, '0')}`;
}

function mirror(body: RequestBody, budgetTotalFen: number) {
  return {
    departmentId: body.departmentId,
    orgName: body.orgName.trim(),
    orgCategory: body.orgCategory,
    tier: body.tier,
    arrivalDate: body.arrivalDate,
    departureDate: body.departureDate,
    visitorCount: body.visitors.length,
    retroactive: body.retroactive ? 1 : 0,
    body: JSON.stringify(body),
    budgetTotalFen,
  };
}

function assertHost(ctx: ServiceContext): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED');
  return actor;
}

/** Creates a draft, or stores the host's edits at the version he saw. Returns the request id. */
async function store(
  ctx: ServiceContext,
  input: OpParsed<'requests.saveDraft'>,
  allowed: readonly RequestStatus[],
): Promise<{ id: number; status: RequestStatus }> {
  const actor = assertHost(ctx);
  const body = input.body;
  if (body.departmentId === null) {
    const me = await ctx.db
      .selectFrom('users')
      .select('departmentId')
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    body.departmentId = me.departmentId;
  } else {
    // The department decides who approves first: a host files for his own department only.
    const me = await ctx.db
      .selectFrom('users')
      .select('departmentId')
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    if (me.departmentId !== body.departmentId) {
      throw fieldError('body.departmentId', 'errors.notYourDepartment');
    }
  }
  const { policy } = await getPolicy(ctx.db);
  const total = estimateBudget(body, policy).totalFen;
  if (input.id === null) {
    const { id } = await ctx.db
      .insertInto('requests')
      .values({
        code: await nextCode(ctx.db, ctx.nowMs),
        status: 'draft',
        hostUserId: actor.userId,
        ...mirror(body, total),
        policyVersion: null,
        createdAtMs: ctx.nowMs,
        updatedAtMs: ctx.nowMs,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addEvent(ctx.db, {
      requestId: id,
      atMs: ctx.nowMs,
      actorUserId: actor.userId,
      kind: 'created',
    });
    return { id, status: 'draft' };
  }
  const row = await loadRow(ctx.db, input.id);
  // Someone else's request: answer as if it did not exist, as requests.get does.
  if (row.hostUserId !== actor.userId) throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  const status = row.status as RequestStatus;
  if (!allowed.includes(status)) throw new AppError('CONFLICT', 'errors.notEditable', { status });
  if (input.version !== row.version) throw new AppError('CONFLICT', 'errors.staleRequest');
  await ctx.db
    .updateTable('requests')
    .set({ ...mirror(body, total), version: row.version + 1, updatedAtMs: ctx.nowMs })
    .where('id', '=', row.id)
    .execute();
  return { id: row.id, status };
}

export async function saveDraft(ctx: ServiceContext, input: OpParsed<'requests.saveDraft'>) {
  const actor = assertHost(ctx);
  const { id } = await store(ctx, input, ['draft', 'returned']);
  ctx.audit({
    entityType: 'request',
    entityId: id,
    summary: { orgName: input.body.orgName, tier: input.body.tier },
  });
  return getDossier(ctx.db, actor, ctx.nowMs, id);
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
 * policy version; a block stops it and nothing is saved. Otherwise the revision is frozen with
 * its checks and budget, and the approval chain starts.
 */
export async function submitRequest(ctx: ServiceContext, input: OpParsed<'requests.submit'>) {
  const actor = assertHost(ctx);
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
  const preview = await previewRequest(ctx.db, ctx.nowMs, body, input.id, actor.userId);
  const blocks = blocking(preview.checks);
  if (blocks.length > 0) {
    const fieldFor: Partial<Record<string, string>> = {
      arrival_in_past: 'body.arrivalDate',
      lead_time: 'body.arrivalDate',
      tier_override_reason: 'body.tierOverrideReason',
      budget_over_estimate: 'body.budget',
    };
    const fieldErrors: Record<string, Message> = {};
    for (const c of blocks) {
      fieldErrors[fieldFor[c.code] ?? '_'] = { key: `checks.${c.code}`, params: c.params };
    }
    throw new AppError(
      'INVALID_INPUT',
      'errors.policyBlocks',
      { count: blocks.length },
      fieldErrors,
    );
  }

  const { id, status } = await store(ctx, input, ['draft', 'returned', 'approved']);
  const row = await loadRow(ctx.db, id);
  const revision = row.revision + 1;
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
      body: JSON.stringify(body),
      checks: JSON.stringify(preview.checks),
      budget: JSON.stringify(preview.budget),
      policyVersion: preview.policyVersion,
      submittedAtMs: ctx.nowMs,
      submittedBy: actor.userId,
    })
    .execute();
  // Steps of an earlier round that were still open are void now.
  await ctx.db
    .updateTable('approvalSteps')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('requestId', '=', id)
    .where('status', 'in', ['waiting', 'pending'])
    .execute();
  await transition(ctx.db, id, status, 'submit', ctx.nowMs);
  await addEvent(ctx.db, {
    requestId: id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: revision > 1 ? 'resubmitted' : 'submitted',
    data: { revision, policyVersion: preview.policyVersion },
  });

  // The planned chain becomes steps: the department head by name (a department without a head
  // leaves the step to anyone holding the role), executives and the admin office as pools.
  const headUserId = await departmentHead(ctx.db, body, actor.userId);
  let seq = 0;
  for (const plan of preview.chain) {
    seq += 1;
    await ctx.db
      .insertInto('approvalSteps')
      .values({
        requestId: id,
        revision,
        seq,
        kind: plan.kind,
        reason: plan.reason,
        assigneeUserId: plan.kind === 'dept_head' && !plan.skipped ? headUserId : null,
        status: plan.skipped ? 'skipped' : 'waiting',
      })
      .execute();
  }
  await transition(ctx.db, id, 'submitted', 'start_approval', ctx.nowMs);
  await activateNext(ctx, id, revision);
  ctx.audit({
    entityType: 'request',
    entityId: id,
    summary: {
      revision,
      tier: body.tier,
      policyVersion: preview.policyVersion,
      chain: preview.chain.map((c) => c.kind),
    },
  });
  return getDossier(ctx.db, actor, ctx.nowMs, id);
}

/** Users who would see a pending step in their inbox (for notifications). */
async function stepAudience(db: Kysely<DB>, step: { kind: string; assigneeUserId: number | null }) {
  if (step.assigneeUserId !== null) return [step.assigneeUserId];
  const rows = await db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select('users.id')
    .where('userRoles.role', '=', STEP_ROLE[step.kind as ChainStepKind])
    .where('users.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Users who have a pending step in their inbox: its audience and, today, their delegates. They
 * hear 'approvals.changed' when the step appears, moves or goes away.
 */
export async function stepWatchers(
  db: Kysely<DB>,
  step: { kind: string; assigneeUserId: number | null },
  today: string,
): Promise<number[]> {
  const direct = await stepAudience(db, step);
  if (direct.length === 0) return [];
  const delegates = await db
    .selectFrom('delegations')
    .select('delegateUserId')
    .where('userId', 'in', direct)
    .where('revokedAtMs', 'is', null)
    .where('fromDate', '<=', today)
    .where('toDate', '>=', today)
    .execute();
  return [...new Set([...direct, ...delegates.map((d) => d.delegateUserId)])];
}

/**
 * Opens the next waiting step of the revision, or — when none is left — finishes: a request whose
 * last step was the admin office's is filed; otherwise approved.
 */
export async function activateNext(ctx: ServiceContext, id: number, revision: number) {
  const row = await loadRow(ctx.db, id);
  const next = await ctx.db
    .selectFrom('approvalSteps')
    .selectAll()
    .where('requestId', '=', id)
    .where('revision', '=', revision)
    .where('status', '=', 'waiting')
    .orderBy('seq')
    .executeTakeFirst();
  const status = row.status as RequestStatus;
  if (next) {
    // Before filing, the request counts as approved.
    const onlyFilingLeft =
      next.kind === 'admin_office' &&
      (await ctx.db
        .selectFrom('approvalSteps')
        .select('id')
        .where('requestId', '=', id)
        .where('revision', '=', revision)
        .where('status', '=', 'waiting')
        .where('seq', '>', next.seq)
        .executeTakeFirst()) === undefined;
    if (onlyFilingLeft && status === 'approving') {
      await transition(ctx.db, id, 'approving', 'approve_all', ctx.nowMs);
      await notify(ctx, [row.hostUserId], 'request.approved', 'notifications.requestApproved', {
        code: row.code,
        org: row.orgName,
      });
    }
    await ctx.db
      .updateTable('approvalSteps')
      .set((eb) => ({ status: 'pending', version: eb('version', '+', 1) }))
      .where('id', '=', next.id)
      .execute();
    const audience = (await stepAudience(ctx.db, next)).filter((u) => u !== row.hostUserId);
    await notify(ctx, audience, 'approval.task', 'notifications.approvalTask', {
      code: row.code,
      org: row.orgName,
      tier: row.tier,
    });
    const watchers = await stepWatchers(ctx.db, next, await companyToday(ctx.db, ctx.nowMs));
    ctx.emit('approvals.changed', { requestId: id }, [...new Set([...watchers, row.hostUserId])]);
    return;
  }
  const lastDone = await ctx.db
    .selectFrom('approvalSteps')
    .select('kind')
    .where('requestId', '=', id)
    .where('revision', '=', revision)
    .where('status', '=', 'approved')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  let now = status;
  if (now === 'approving')
    now = await transition(ctx.db, id, 'approving', 'approve_all', ctx.nowMs);
  if (lastDone?.kind === 'admin_office' && now === 'approved') {
    await transition(ctx.db, id, 'approved', 'file', ctx.nowMs);
    await notify(ctx, [row.hostUserId], 'request.filed', 'notifications.requestFiled', {
      code: row.code,
      org: row.orgName,
    });
  }
  ctx.emit('approvals.changed', { requestId: id }, [row.hostUserId]);
}

export async function cancelRequest(ctx: ServiceContext, input: OpParsed<'requests.cancel'>) {
  const actor = assertHost(ctx);
  const row = await loadRow(ctx.db, input.id);
  const isHost = row.hostUserId === actor.userId;
  if (!isHost && !actor.roles.includes('admin_office')) {
    throw new AppError('NOT_FOUND', 'errors.requestNotFound');
  }
  if (row.version !== input.version) throw new AppError('CONFLICT', 'errors.staleRequest');
  const status = row.status as RequestStatus;
  await transition(ctx.db, row.id, status, 'cancel', ctx.nowMs);
  const open = await ctx.db
    .selectFrom('approvalSteps')
    .select(['kind', 'assigneeUserId', 'decidedBy', 'status'])
    .where('requestId', '=', row.id)
    .execute();
  await ctx.db
    .updateTable('approvalSteps')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('requestId', '=', row.id)
    .where('status', 'in', ['waiting', 'pending'])
    .execute();
  await addEvent(ctx.db, {
    requestId: row.id,
    atMs: ctx.nowMs,
    actorUserId: actor.userId,
    kind: 'cancelled',
    comment: input.reason,
  });
  // Everyone who decided, or had the request waiting for them, hears of it. (Bookings, once they
  // exist, are released here too.)
  const today = await companyToday(ctx.db, ctx.nowMs);
  const told = new Set<number>();
  // Who had it in their inbox (delegates too) refreshes it; notified or not.
  const watching = new Set<number>();
  for (const s of open) {
    if (s.decidedBy !== null) told.add(s.decidedBy);
    if (s.status === 'pending') {
      for (const u of await stepAudience(ctx.db, s)) told.add(u);
      for (const u of await stepWatchers(ctx.db, s, today)) watching.add(u);
    }
  }
  if (!isHost) told.add(row.hostUserId);
  told.delete(actor.userId);
  await notify(ctx, [...told], 'request.cancelled', 'notifications.requestCancelled', {
    code: row.code,
    org: row.orgName,
    by: actor.displayName,
  });
  for (const u of told) watching.add(u);
  watching.delete(actor.userId);
  ctx.emit('approvals.changed', { requestId: row.id }, [...watching]);
  ctx.audit({
    entityType: 'request',
    entityId: row.id,
    summary: { from: status, reason: input.reason },
  });
  return getDossier(ctx.db, actor, ctx.nowMs, row.id);
}

export { loadRow, toSummary, changesFor, summaryQuery };
