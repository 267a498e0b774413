import { mayCancel, type ActorFacts } from '../approvals';
import { nextStatus, type RequestStatus } from './lifecycle';

/**
 * What a request adds to the generic rights of shared/approvals: when it is its host's alone, and
 * its cancel right with its life cycle. Pure and table-tested (rights.test.ts: role × status ×
 * relation); main loads the facts.
 */

/** What the rights need to know of a request. */
export interface RequestRightFacts {
  hostUserId: number;
  status: RequestStatus;
  /** The last submitted revision: 0 when the host never submitted it. */
  revision: number;
}

/**
 * A request its host has never submitted — a draft, or a draft he cancelled — is his alone:
 * anyone else is answered "not found" (a read, a comment, a cancel, a list).
 */
export function hostOnly(r: Pick<RequestRightFacts, 'status' | 'revision'>): boolean {
  return r.status === 'draft' || r.revision === 0;
}

/** Whether this actor may cancel the request now: the person (shared/approvals) and the life cycle. */
export function mayCancelRequest(actor: ActorFacts, r: RequestRightFacts): boolean {
  return mayCancel(
    actor,
    { ownerUserId: r.hostUserId, ownerOnly: hostOnly(r) },
    nextStatus(r.status, 'cancel') !== null,
  );
}

/**
 * Whether the actor may delete the request: only its host, and only a draft he never submitted —
 * nobody else ever saw it, so nothing else refers to it. Anything submitted is cancelled instead
 * and stays on record.
 */
export function mayDeleteDraft(actor: Pick<ActorFacts, 'userId'>, r: RequestRightFacts): boolean {
  return actor.userId === r.hostUserId && r.status === 'draft' && r.revision === 0;
}

/** Whether the actor is someone who may cancel it at all (the life cycle aside): cancel's "not found" gate. */
export function mayCancelAtAll(actor: ActorFacts, r: RequestRightFacts): boolean {
  return mayCancel(actor, { ownerUserId: r.hostUserId, ownerOnly: hostOnly(r) }, true);
}

/**
 * The requests lists (requests.list): the host's own ('mine'), the departments' the actor heads
 * ('department', 本部门接待), every submitted one ('all', 全部接待).
 */
export const REQUEST_LIST_SCOPES = ['mine', 'department', 'all'] as const;
export type RequestListScope = (typeof REQUEST_LIST_SCOPES)[number];

/** What the list rights need to know of the actor; main loads the facts. */
export interface ListerFacts {
  /** He holds requests.readAll (the admin office, executives, finance). */
  readAll: boolean;
  /** The departments he heads now (departments.head_user_id), whatever his roles. */
  headOf: readonly number[];
}

/**
 * Whether the actor may read the list of this scope at all (FORBIDDEN otherwise). His own list is
 * everyone's; a department's is its head's — the person set as head, not whoever has the
 * dept_head role: that is who approves its requests and may open them (mayView).
 */
export function mayList(scope: RequestListScope, actor: ListerFacts): boolean {
  if (scope === 'all') return actor.readAll;
  if (scope === 'department') return actor.headOf.length > 0;
  return true;
}

/**
 * The departments a 'department' list shows: all those the actor heads, or only the one the
 * filter names. A filter naming a department he does not head matches nothing (an old address
 * after the head changed), rather than showing another department's requests.
 */
export function departmentsListed(headOf: readonly number[], departmentId?: number): number[] {
  if (departmentId === undefined) return [...headOf];
  return headOf.includes(departmentId) ? [departmentId] : [];
}
