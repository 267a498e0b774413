import type { Role } from '../auth';
import type { TaskKind } from './plan';

/** One procedure task of a visit, as its lists show it. */
export interface TaskView {
  id: number;
  requestId: number;
  requestCode: string;
  orgName: string;
  kind: TaskKind;
  /** A named owner (the host), or null when the task is a role's (`ownerRole`). */
  ownerUserId: number | null;
  ownerName: string | null;
  ownerRole: Role | null;
  dueAtMs: number;
  doneAtMs: number | null;
  doneByName: string | null;
  /** The reminder went out (the task fell due). */
  notifiedAtMs: number | null;
  /** The request was cancelled: the task no longer needs doing. */
  voidedAtMs: number | null;
  /** The caller may mark it done or reopen it (tasks/rights.ts). */
  canAct: boolean;
}

/** Where the next page of 我的待办 starts: the last row's due (or done) time and id. */
export interface TaskCursor {
  key: number;
  id: number;
}
