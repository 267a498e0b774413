/**
 * Delegations: department heads who hand their approvals to an executive or another head while
 * they are away (a few days, most years; now and then revoked at once). `addDelegations` plans
 * them from their own random stream, writes them with the audit entries the heads leave, and
 * returns `delegateAt`, which the approval simulation asks when a head's step comes up: a
 * delegate decides on his behalf, as the app lets him.
 */
import { addWorkMinutes, dateOf, dayOf, dayStart, WORK_MINUTES_PER_DAY, YEARS } from './calendar';
import type { Company, UserRec } from './company';
import { Rng, STREAM } from './random';
import type { Records } from './records';
import type { Writer } from './writer';

/** Whom `head` delegated to at `t` (a delegation never revoked), if anyone. */
export type DelegateAt = (head: UserRec, t: number) => UserRec | null;

interface Delegation {
  id: number;
  from: UserRec;
  to: UserRec;
  fromDay: number;
  toDay: number;
  createdMs: number;
  revokedMs: number | null;
}

/** Writes the heads' delegations of the ten years before `nowMs` (from `firstDay`). */
export function addDelegations(
  company: Company,
  seed: number,
  firstDay: number,
  nowMs: number,
  writer: Writer,
  records: Records,
): DelegateAt {
  const rngDelegations = new Rng(seed, STREAM.delegations);
  const delegationList: Omit<Delegation, 'id'>[] = [];
  const deptHeads = company.heads.filter((h) => !h.roles.includes('executive'));
  for (const head of deptHeads) {
    for (let y = 0; y < YEARS; y++) {
      if (!rngDelegations.chance(0.6)) continue;
      const fromDay = firstDay + y * 365 + rngDelegations.int(350);
      const toDay = fromDay + rngDelegations.between(3, 14);
      const createdMs = addWorkMinutes(
        dayStart(fromDay - rngDelegations.between(1, 7)),
        rngDelegations.int(WORK_MINUTES_PER_DAY),
      );
      if (createdMs > nowMs) continue;
      const to = rngDelegations.chance(0.3)
        ? rngDelegations.pick(company.executives)
        : rngDelegations.pick(deptHeads.filter((h) => h !== head));
      const revoked = rngDelegations.chance(0.08);
      const revokedMs = revoked ? addWorkMinutes(createdMs, rngDelegations.between(10, 300)) : null;
      delegationList.push({
        from: head,
        to,
        fromDay,
        toDay,
        createdMs,
        revokedMs: revokedMs !== null && revokedMs <= nowMs ? revokedMs : null,
      });
    }
  }
  delegationList.sort((a, b) => a.createdMs - b.createdMs);
  const delegationsOf = new Map<number, Delegation[]>();
  delegationList.forEach((d, i) => {
    const deleg: Delegation = { id: i + 1, ...d };
    writer.insert(
      'delegations',
      deleg.id,
      d.from.id,
      d.to.id,
      dateOf(d.fromDay),
      dateOf(d.toDay),
      d.createdMs,
      d.revokedMs,
    );
    records.audit(d.createdMs, d.from, 'delegations.create', 'delegation', deleg.id, {
      delegateUserId: d.to.id,
      fromDate: dateOf(d.fromDay),
      toDate: dateOf(d.toDay),
    });
    if (d.revokedMs !== null)
      records.audit(d.revokedMs, d.from, 'delegations.revoke', 'delegation', deleg.id, {});
    const list = delegationsOf.get(d.from.id) ?? [];
    list.push(deleg);
    delegationsOf.set(d.from.id, list);
  });
  return (head, t) => {
    const d = dayOf(t);
    for (const x of delegationsOf.get(head.id) ?? []) {
      if (x.revokedMs === null && x.createdMs <= t && x.fromDay <= d && d <= x.toDay) return x.to;
    }
    return null;
  };
}
