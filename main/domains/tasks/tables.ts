import type { Generated } from 'kysely';
import type { TaskKind } from '../../../shared/tasks/plan';

/** tasks's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface TasksTables {
  /** A visit's procedure tasks (migration 0140): one per request and kind. */
  tasks: {
    id: Generated<number>;
    requestId: number;
    kind: TaskKind;
    /** The person it is for (the host); null when it is a role's. */
    ownerUserId: number | null;
    /** The role it is for (anyone holding it); null when it is a person's. */
    ownerRole: string | null;
    dueAtMs: number;
    doneAtMs: number | null;
    doneByUserId: number | null;
    /** When the reminder went out; null: not yet due, or not yet swept. */
    notifiedAtMs: number | null;
    /** The request was cancelled before the task was done. */
    voidedAtMs: number | null;
    createdAtMs: number;
  };
}
