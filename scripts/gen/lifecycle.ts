/**
 * A request's life under the app's rules: submission (checks, budget and approval chain from the
 * policy's pure functions under the stored policy version), the approval engine opening steps one
 * after another, decisions (approve, return, reject; by a delegate on the head's behalf; a task
 * transferred between executives), cancellation — statuses and step statuses moving only through
 * `nextStatus` / `nextStepStatus` — and how people behave: how long they take in office hours, how
 * a round of approval ends. Each move leaves the events, notifications and audit entries the
 * handlers leave (records.ts). Decisions that would fall after now are not taken: the request
 * waits in an inbox, exactly as it would on that day.
 */
import {
  isFilingStep,
  nextStepStatus,
  type StepAction,
  type StepKind,
} from '../../shared/approvals/steps';
import {
  blocking,
  estimateBudget,
  evaluateChecks,
  planChain,
  type Budget,
  type Policy,
} from '../../shared/policy';
import {
  nextStatus,
  type RequestAction,
  type RequestStatus,
} from '../../shared/requests/lifecycle';
import type { RequestBody } from '../../shared/requests/schema';
import type { Visit } from './bodies';
import { addWorkMinutes, dateOf, DAY, dayOf, WORK_MINUTES_PER_DAY } from './calendar';
import type { Company, UserRec } from './company';
import type { DelegateAt } from './delegations';
import * as W from './names';
import { Weighted, type Rng } from './random';
import type { Records, StepSim } from './records';
import type { RevisionRow } from './writer';

/** A request as the simulation carries it until it is written. */
export interface Req {
  id: number;
  code: string;
  host: UserRec;
  /** The head of the request's department (the dept_head step's assignee). */
  head: UserRec;
  visit: Visit;
  status: RequestStatus;
  version: number;
  updatedAt: number;
  revision: number;
  body: RequestBody;
  orgName: string;
  steps: StepSim[];
  revisions: RevisionRow[];
}

interface Lifecycle {
  /** requests.submit (new or at the version the host saw): returns the first open step. */
  submit(r: Req, t: number, body: RequestBody, isNew: boolean): StepSim | null;
  /** requests.cancel by the host or the admin office. */
  cancel(r: Req, t: number, actor: UserRec, reason: string): void;
  /**
   * One round of approval from its first open step: decisions until the chain ends, stops (return,
   * reject), is cancelled or reaches now. Returns when it ended, or -1 when the request is still
   * open at now or was cancelled.
   */
  round(
    r: Req,
    first: StepSim | null,
    start: number,
    firstRound: boolean,
    arrivalMs: number,
  ): number;
}

type RoundPlan =
  | { end: 'approve' }
  | { end: 'return' | 'reject'; at: number }
  | { end: 'stale'; at: number }
  | { end: 'cancel'; atMs: number };

const approveComment = Weighted.of(W.APPROVE_COMMENTS);

const move = (r: Req, action: RequestAction, t: number) => {
  const to = nextStatus(r.status, action);
  if (!to) throw new Error(`generator bug: ${r.status} cannot ${action} (${r.code})`);
  r.status = to;
  r.version++;
  r.updatedAt = t;
};
const moveStep = (s: StepSim, action: StepAction) => {
  const to = nextStepStatus(s.status, action);
  if (!to) throw new Error(`generator bug: a ${s.status} step cannot ${action}`);
  s.status = to;
  s.version++;
};
const roundSteps = (r: Req) => r.steps.filter((s) => s.revision === r.revision);

export function createLifecycle(deps: {
  /** The requests' stream. */
  rng: Rng;
  policy: Policy;
  policyVersion: number;
  nowMs: number;
  company: Company;
  records: Records;
  delegateAt: DelegateAt;
}): Lifecycle {
  const { rng, policy, policyVersion, nowMs, company, records, delegateAt } = deps;
  const { pools, executives, adminOfficeStaff } = company;

  /** Who would see the step in an inbox: its assignee, or every active holder of its role; never the host. */
  const audienceOf = (r: Req, s: StepSim, t: number): number[] => {
    const ids =
      s.assignee !== null
        ? [s.assignee]
        : pools[s.kind]
            .filter((u) => u.joinMs <= t && (u.leftMs === null || u.leftMs > t))
            .map((u) => u.id);
    return ids.filter((id) => id !== r.host.id);
  };

  const onAllApproved = (r: Req, t: number, filingLeft: boolean) => {
    if (r.status !== 'approving') return;
    move(r, 'approve_all', t);
    if (filingLeft) {
      records.notify([r.host.id], t, 'request.approved', 'notifications.requestApproved', {
        code: r.code,
        org: r.orgName,
      });
    }
  };
  /** The engine's `advance`: opens the next waiting step, or finishes the chain. */
  const advance = (r: Req, t: number): StepSim | null => {
    const waiting = roundSteps(r).filter((s) => s.status === 'waiting');
    const next = waiting[0];
    if (next) {
      if (isFilingStep(next.kind) && !waiting[1]) onAllApproved(r, t, true);
      moveStep(next, 'activate');
      next.pendingSince = t;
      records.notify(audienceOf(r, next, t), t, 'approval.task', 'notifications.approvalTask', {
        code: r.code,
        org: r.orgName,
        tier: r.body.tier,
      });
      return next;
    }
    const approved = roundSteps(r).filter((s) => s.status === 'approved');
    const last = approved[approved.length - 1];
    onAllApproved(r, t, false);
    if (last && isFilingStep(last.kind) && r.status === 'approved') {
      move(r, 'file', t);
      records.notify([r.host.id], t, 'request.filed', 'notifications.requestFiled', {
        code: r.code,
        org: r.orgName,
      });
    }
    return null;
  };

  const submit = (r: Req, t: number, body: RequestBody, isNew: boolean): StepSim | null => {
    const checks = evaluateChecks(body, policy, {
      today: dateOf(dayOf(t)),
      otherVisitDates: r.visit.org.recent
        .filter((d) => Math.abs(d - r.visit.arrivalDay) <= policy.repeatVisitDays)
        .map(dateOf),
      executiveUserIds: company.executiveIds,
    });
    const blocks = blocking(checks);
    if (blocks.length > 0) {
      throw new Error(
        `generator bug: ${r.code} would be refused (${blocks.map((b) => b.code).join(', ')})`,
      );
    }
    const budget: Budget = estimateBudget(body, policy);
    const chain = planChain(body, policy, checks, { hostIsHead: r.head.id === r.host.id });
    if (isNew) {
      r.version = 1;
      r.updatedAt = t;
      records.event(r.id, t, r.host, 'created');
    } else {
      r.version++;
      r.updatedAt = t;
    }
    r.body = body;
    const revision = r.revision + 1;
    r.revision = revision;
    r.revisions.push([
      r.id,
      revision,
      JSON.stringify(body),
      JSON.stringify(checks),
      JSON.stringify(budget),
      policyVersion,
      t,
      r.host.id,
    ]);
    for (const s of r.steps)
      if (s.status === 'waiting' || s.status === 'pending') moveStep(s, 'void');
    move(r, 'submit', t);
    records.event(r.id, t, r.host, revision > 1 ? 'resubmitted' : 'submitted', {
      data: { revision, policyVersion },
    });
    chain.forEach((p, i) => {
      const step: StepSim = {
        id: 0,
        requestId: r.id,
        revision,
        seq: i + 1,
        kind: p.kind,
        reason: p.reason,
        assignee: p.kind === 'dept_head' && !p.skipped ? r.head.id : null,
        status: 'waiting',
        decidedBy: null,
        onBehalfOf: null,
        decidedAt: null,
        pendingSince: null,
        comment: '',
        version: 1,
      };
      // Planned as skipped: inserted so, at version 1 (planSteps).
      if (p.skipped) step.status = 'skipped';
      r.steps.push(step);
      records.step(t, step);
    });
    move(r, 'start_approval', t);
    const first = advance(r, t);
    records.audit(t, r.host, 'requests.submit', 'request', r.id, {
      revision,
      tier: body.tier,
      policyVersion,
      chain: chain.map((c) => c.kind),
    });
    return first;
  };

  /** approvals.decide; returns the next open step of the round. */
  const decide = (
    r: Req,
    s: StepSim,
    t: number,
    action: 'approve' | 'reject' | 'return',
    actor: UserRec,
    onBehalfOf: UserRec | null,
    comment: string,
  ): StepSim | null => {
    moveStep(s, action);
    s.decidedBy = actor.id;
    s.onBehalfOf = onBehalfOf?.id ?? null;
    s.decidedAt = t;
    s.comment = comment;
    const filing = isFilingStep(s.kind);
    const kind =
      action === 'approve'
        ? filing
          ? 'filed'
          : 'approved'
        : action === 'reject'
          ? 'rejected'
          : 'returned';
    records.event(r.id, t, actor, kind, {
      onBehalfOf,
      step: s,
      comment,
      data: { step: s.kind, revision: s.revision },
    });
    let next: StepSim | null = null;
    if (action === 'approve') {
      next = advance(r, t);
    } else {
      for (const w of roundSteps(r)) if (w.status === 'waiting') moveStep(w, 'void');
      move(r, action, t);
      const rejected = action === 'reject';
      records.notify(
        [r.host.id],
        t,
        rejected ? 'request.rejected' : 'request.returned',
        rejected ? 'notifications.requestRejected' : 'notifications.requestReturned',
        { code: r.code, org: r.orgName, by: actor.name, reason: comment },
      );
    }
    if (action === 'approve' && !filing) {
      records.notify([r.host.id], t, 'request.stepApproved', 'notifications.stepApproved', {
        code: r.code,
        by: actor.name,
      });
    }
    records.audit(
      t,
      actor,
      'approvals.decide',
      'request',
      r.id,
      { step: s.kind, action, comment, revision: s.revision },
      onBehalfOf,
    );
    return next;
  };

  const cancel = (r: Req, t: number, actor: UserRec, reason: string) => {
    const from = r.status;
    move(r, 'cancel', t);
    const told = new Set<number>();
    for (const s of r.steps) {
      if (s.decidedBy !== null) told.add(s.decidedBy);
      if (s.status === 'pending') for (const u of audienceOf(r, s, t)) told.add(u);
    }
    for (const s of r.steps)
      if (s.status === 'waiting' || s.status === 'pending') moveStep(s, 'void');
    records.event(r.id, t, actor, 'cancelled', { comment: reason });
    if (actor !== r.host) told.add(r.host.id);
    told.delete(actor.id);
    records.notify([...told], t, 'request.cancelled', 'notifications.requestCancelled', {
      code: r.code,
      org: r.orgName,
      by: actor.name,
    });
    records.audit(t, actor, 'requests.cancel', 'request', r.id, { from, reason });
  };

  const transfer = (r: Req, s: StepSim, t: number, actor: UserRec, target: UserRec) => {
    moveStep(s, 'transfer');
    s.assignee = target.id;
    const comment = rng.chance(0.5) ? '请您审批' : '';
    records.event(r.id, t, actor, 'transferred', {
      step: s,
      comment,
      data: { to: target.name, toUserId: target.id },
    });
    records.notify([target.id], t, 'approval.transferred', 'notifications.approvalTransferred', {
      code: r.code,
      org: r.orgName,
      by: actor.name,
    });
    records.audit(t, actor, 'approvals.transfer', 'request', r.id, {
      step: s.kind,
      transferredTo: target.name,
      comment,
    });
  };

  /** Who decides a step at `t`: its assignee (or his delegate), else someone from the pool. */
  const deciderOf = (
    r: Req,
    s: StepSim,
    t: number,
  ): { actor: UserRec; onBehalfOf: UserRec | null } => {
    if (s.assignee !== null) {
      const assignee = company.byId[s.assignee];
      if (!assignee) throw new Error('generator bug: unknown assignee');
      const delegate = s.kind === 'dept_head' ? delegateAt(assignee, t) : null;
      if (delegate && delegate !== r.host && rng.chance(0.85))
        return { actor: delegate, onBehalfOf: assignee };
      return { actor: assignee, onBehalfOf: null };
    }
    const pool = pools[s.kind].filter((u) => u !== r.host);
    // The general manager (first executive) takes a larger share of the executive pool.
    if (s.kind === 'executive' && rng.chance(0.3) && pool[0])
      return { actor: pool[0], onBehalfOf: null };
    return { actor: rng.pick(pool), onBehalfOf: null };
  };
  const decisionDelay = (kind: StepKind) =>
    Math.min(
      5 * WORK_MINUTES_PER_DAY,
      3 + rng.exp(kind === 'executive' ? 200 : kind === 'dept_head' ? 120 : 90),
    );

  /** How a round of approval ends (at which asked step, for the ends that stop early). */
  const planRound = (asked: number, first: boolean, t: number, arrivalMs: number): RoundPlan => {
    const r = rng.float();
    const stepAt = () => (rng.chance(0.6) ? 0 : rng.int(asked));
    const cancelAt = () => {
      const windowMin = Math.max(60, ((arrivalMs - t) / DAY) * WORK_MINUTES_PER_DAY * 0.7);
      return addWorkMinutes(t, rng.float() * windowMin);
    };
    if (first) {
      if (r < 0.114) return { end: 'return', at: stepAt() };
      if (r < 0.144) return { end: 'reject', at: stepAt() };
      if (r < 0.19) return { end: 'cancel', atMs: cancelAt() };
      // Now and then a task is forgotten in an inbox for good (a few hundred in ten years).
      if (r < 0.1905) return { end: 'stale', at: rng.int(Math.max(1, asked - 1)) };
      if (r < 0.191) return { end: 'stale', at: asked - 1 };
      return { end: 'approve' };
    }
    if (r < 0.03) return { end: 'reject', at: stepAt() };
    if (r < 0.05) return { end: 'cancel', atMs: cancelAt() };
    return { end: 'approve' };
  };

  /** One round from its first open step: decisions until the chain ends, stops, or reaches now. */
  const runRound = (r: Req, firstStep: StepSim | null, start: number, plan: RoundPlan): number => {
    let step = firstStep;
    let t = start;
    let index = 0;
    while (step) {
      let td = addWorkMinutes(t, decisionDelay(step.kind));
      if (plan.end === 'cancel' && plan.atMs < td) {
        if (plan.atMs <= nowMs) {
          const byOffice = rng.chance(0.15);
          cancel(
            r,
            plan.atMs,
            byOffice ? rng.pick(adminOfficeStaff.filter((u) => u !== r.host)) : r.host,
            rng.pick(W.CANCEL_REASONS),
          );
        }
        return -1;
      }
      if (td > nowMs) return -1;
      if (plan.end === 'stale' && plan.at === index) return -1;
      if (step.kind === 'executive' && step.assignee === null && rng.chance(0.02)) {
        const by = rng.pick(executives);
        const to = rng.pick(executives.filter((u) => u !== by));
        const tt = addWorkMinutes(t, decisionDelay(step.kind) / 2);
        if (tt > nowMs) return -1;
        transfer(r, step, tt, by, to);
        t = tt;
        td = addWorkMinutes(tt, decisionDelay(step.kind));
        if (td > nowMs) return -1;
      }
      const stopsHere = (plan.end === 'return' || plan.end === 'reject') && plan.at === index;
      const action = stopsHere ? plan.end : 'approve';
      const { actor, onBehalfOf } = deciderOf(r, step, td);
      const comment =
        action === 'approve'
          ? approveComment.pick(rng)
          : rng.pick(action === 'reject' ? W.REJECT_REASONS : W.RETURN_REASONS);
      step = decide(
        r,
        step,
        td,
        action as 'approve' | 'reject' | 'return',
        actor,
        onBehalfOf,
        comment,
      );
      t = td;
      index++;
      if (stopsHere) return t;
    }
    if (plan.end === 'cancel' && plan.atMs > t && plan.atMs <= nowMs) {
      cancel(
        r,
        plan.atMs,
        rng.chance(0.15) ? rng.pick(adminOfficeStaff.filter((u) => u !== r.host)) : r.host,
        rng.pick(W.CANCEL_REASONS),
      );
      return -1;
    }
    return t;
  };

  return {
    submit,
    cancel,
    round: (r, first, start, firstRound, arrivalMs) => {
      const asked = roundSteps(r).filter((s) => s.status !== 'skipped').length;
      const plan = planRound(asked, firstRound, start, arrivalMs);
      return runRound(r, first, start, plan);
    },
  };
}
