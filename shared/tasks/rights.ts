import type { Role } from '../auth';

/**
 * Who may mark a task done or reopen it: its owner, anyone holding its owner role, and the admin
 * office (which runs the procedures of every visit). Pure and table-tested; main loads the facts.
 */
export interface TaskRightFacts {
  ownerUserId: number | null;
  ownerRole: string | null;
}

/** The office that coordinates every visit may tick off any of its tasks. */
const COORDINATOR: Role = 'admin_office';

export function mayActOnTask(
  actor: { userId: number; roles: readonly Role[] },
  task: TaskRightFacts,
): boolean {
  if (task.ownerUserId !== null && task.ownerUserId === actor.userId) return true;
  if (task.ownerRole !== null && (actor.roles as readonly string[]).includes(task.ownerRole)) {
    return true;
  }
  return actor.roles.includes(COORDINATOR);
}

/** Whether a task is overdue at `nowMs`: open, not voided, and its due time passed. */
export function isOverdue(
  task: { dueAtMs: number; doneAtMs: number | null; voidedAtMs: number | null },
  nowMs: number,
): boolean {
  return task.doneAtMs === null && task.voidedAtMs === null && task.dueAtMs < nowMs;
}
