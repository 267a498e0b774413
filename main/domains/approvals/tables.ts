import type { Generated } from 'kysely';

/** approvals's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface ApprovalsTables {
  approvalSteps: {
    id: Generated<number>;
    requestId: number;
    revision: number;
    seq: number;
    kind: string;
    reason: string;
    assigneeUserId: number | null;
    status: string;
    decidedBy: number | null;
    onBehalfOf: number | null;
    decidedAtMs: number | null;
    comment: Generated<string>;
    version: Generated<number>;
  };
}
