/**
 * One reception request per scheduled visit, from the host's first draft to now: who comes and
 * whom they visit, the host, the request's code (`JD<date>-<n>` per company day), drafts saved and
 * sometimes abandoned or cancelled, the submission, a comment now and then, up to three rounds of
 * approval with the host fixing and resubmitting a returned request while the visit can still be
 * approved in time (lifecycle.ts). The request and its revisions are written as they stand at now;
 * the per-status counts and each organisation's recent visits (the repeat-visit check) follow.
 */
import { estimateBudget, type Policy } from '../../shared/policy';
import {
  LIVE_STATUSES,
  REQUEST_STATUSES,
  type RequestStatus,
} from '../../shared/requests/lifecycle';
import { makeBody, revise, type Visit } from './bodies';
import { addWorkMinutes, dateOf, DAY, dayOf, dayStart, HOUR, MINUTE } from './calendar';
import { DEPARTMENTS, type Company, type UserRec } from './company';
import type { DelegateAt } from './delegations';
import { createLifecycle, type Req } from './lifecycle';
import * as W from './names';
import type { Organisations } from './organisations';
import type { Rng } from './random';
import type { Records } from './records';
import type { ScheduledVisit } from './schedule';
import type { Writer } from './writer';

interface Requests {
  /** Makes request `id` for a visit, lives it until now and writes it; returns it as it stands. */
  simulate(id: number, planned: ScheduledVisit): Req;
  /** Requests written per status. */
  readonly statuses: Record<RequestStatus, number>;
}

export function createRequests(deps: {
  /** The requests' stream: every draw of every request, in request order. */
  rng: Rng;
  policy: Policy;
  policyVersion: number;
  nowMs: number;
  company: Company;
  organisations: Organisations;
  delegateAt: DelegateAt;
  records: Records;
  writer: Writer;
}): Requests {
  const { rng, policy, policyVersion, nowMs, company, organisations, records, writer } = deps;
  const today = dayOf(nowMs);
  const lifecycle = createLifecycle(deps);
  const statuses = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0])) as Record<
    RequestStatus,
    number
  >;
  const codeDay = { day: -1, n: 0 };

  /** A host for a visit to `dept` created at `t`: employed then, and for a while after. */
  const pickHost = (dept: number, t: number): UserRec => {
    const candidates = company.hostsByDept[dept] ?? [];
    const ok = (u: UserRec) =>
      u.joinMs <= t - DAY && (u.leftMs === null || u.leftMs > t + 120 * DAY);
    for (let tries = 0; tries < 12; tries++) {
      const u = rng.pick(candidates);
      if (ok(u)) return u;
    }
    const found = candidates.find(ok);
    if (!found) throw new Error(`generator bug: nobody to host in ${DEPARTMENTS[dept]?.name}`);
    return found;
  };

  const writeRequest = (r: Req): Req => {
    const b = r.body;
    const budget = estimateBudget(b, policy);
    writer.insert(
      'requests',
      r.id,
      r.code,
      r.status,
      r.host.id,
      b.departmentId,
      b.orgName.trim(),
      organisations.keyOf(b.orgName),
      b.orgCategory,
      b.tier,
      b.arrivalDate,
      b.departureDate,
      b.visitors.length,
      b.retroactive ? 1 : 0,
      r.revision > 0 ? policyVersion : null,
      JSON.stringify(b),
      budget.totalFen,
      r.revision,
      r.version,
      r.visit.createdMs,
      r.updatedAt,
    );
    for (const rev of r.revisions) writer.insert('request_revisions', ...rev);
    statuses[r.status]++;
    if ((LIVE_STATUSES as readonly string[]).includes(r.status)) {
      const recent = r.visit.org.recent;
      recent.push(r.visit.arrivalDay);
      if (recent.length > 12) recent.shift();
    }
    return r;
  };

  const simulate = (id: number, planned: ScheduledVisit): Req => {
    const { createdMs, tier, retro, arrivalDay } = planned;
    const { category, org, dept } = organisations.visitorOf(rng, tier);
    const host = pickHost(dept, createdMs);
    const typedName = organisations.typedName(rng, org);
    const visit: Visit = {
      tier,
      org,
      category,
      typedName,
      host,
      dept,
      arrivalDay,
      retro,
      createdMs,
    };
    const body = makeBody(rng, policy, company, visit);
    const day = dayOf(createdMs);
    if (codeDay.day !== day) {
      codeDay.day = day;
      codeDay.n = 0;
    }
    codeDay.n++;
    const r: Req = {
      id,
      code: `JD${dateOf(day).replaceAll('-', '')}-${String(codeDay.n).padStart(3, '0')}`,
      host,
      head: company.headOf(dept),
      visit,
      status: 'draft',
      version: 1,
      updatedAt: createdMs,
      revision: 0,
      body,
      orgName: body.orgName.trim(),
      steps: [],
      revisions: [],
    };
    const arrivalMs = dayStart(arrivalDay) + 9 * HOUR;
    const lastSubmitDay = retro ? today : arrivalDay - policy.tiers[tier].minLeadDays;

    const fate = rng.float();
    const draftFirst = fate < 0.023 || rng.chance(0.25);
    let submitAt = createdMs;
    if (draftFirst) {
      records.event(id, createdMs, host, 'created');
      records.audit(createdMs, host, 'requests.saveDraft', 'request', id, {
        orgName: body.orgName,
        tier,
      });
      let t = createdMs;
      for (let edits = rng.int(3); edits > 0; edits--) {
        const te = addWorkMinutes(t, rng.between(5, 240));
        if (te > nowMs || dayOf(te) > lastSubmitDay) break;
        r.version++;
        r.updatedAt = te;
        records.audit(te, host, 'requests.saveDraft', 'request', id, {
          orgName: body.orgName,
          tier,
        });
        t = te;
      }
      if (fate < 0.02) return writeRequest(r); // abandoned: a draft for good
      if (fate < 0.023) {
        const tc = addWorkMinutes(t, rng.between(30, 3000));
        if (tc <= nowMs) lifecycle.cancel(r, tc, host, rng.pick(W.CANCEL_REASONS));
        return writeRequest(r);
      }
      submitAt = addWorkMinutes(t, rng.between(5, 1200));
      if (dayOf(submitAt) > lastSubmitDay) submitAt = t + rng.between(1, 5) * MINUTE;
      if (dayOf(submitAt) > lastSubmitDay || submitAt > nowMs) return writeRequest(r);
    }
    let first = lifecycle.submit(r, submitAt, body, !draftFirst);
    if (rng.chance(0.03)) {
      const tc = addWorkMinutes(submitAt, rng.between(10, 900));
      const by = rng.chance(0.5) ? host : r.head;
      const text = rng.pick(W.COMMENTS);
      if (tc <= nowMs) {
        records.event(id, tc, by, 'commented', { comment: text });
        records.audit(tc, by, 'approvals.comment', 'request', id, { comment: text });
      }
    }
    let start = submitAt;
    for (let round = 1; round <= 3; round++) {
      const end = lifecycle.round(r, first, start, round === 1, arrivalMs);
      if (end < 0 || r.status !== 'returned') break;
      // Returned: most hosts fix it and resubmit while the visit can still be approved in time.
      if (rng.chance(0.1)) break; // left as returned
      let again = addWorkMinutes(end, rng.between(20, 1500));
      // Short notice: he fixes it at once, or the visit is called off.
      if (dayOf(again) > lastSubmitDay) again = end + rng.between(10, 90) * MINUTE;
      if (again > nowMs) break;
      if (dayOf(again) > lastSubmitDay) {
        if (rng.chance(0.7)) lifecycle.cancel(r, again, host, rng.pick(W.CANCEL_REASONS));
        break;
      }
      first = lifecycle.submit(r, again, revise(rng, policy, r.body), false);
      start = again;
    }
    return writeRequest(r);
  };

  return { simulate, statuses };
}
