import type { Generated } from 'kysely';

/** Kysely's view of the tables (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface DB {
  departments: {
    id: Generated<number>;
    name: string;
    headUserId: number | null;
    createdAtMs: number;
    updatedAtMs: number;
  };
  users: {
    id: Generated<number>;
    login: string;
    displayName: string;
    departmentId: number | null;
    passwordHash: string;
    language: Generated<string>;
    disabled: Generated<number>;
    failedAttempts: Generated<number>;
    lockedUntilMs: number | null;
    mustChangePassword: Generated<number>;
    createdAtMs: number;
    updatedAtMs: number;
  };
  userRoles: { userId: number; role: string };
  sessions: {
    tokenHash: string;
    userId: number;
    createdAtMs: number;
    lastActiveAtMs: number;
    locked: Generated<number>;
    endedAtMs: number | null;
  };
  settings: { key: string; value: string };
  notifications: {
    id: Generated<number>;
    userId: number;
    kind: string;
    titleKey: string;
    params: Generated<string>;
    createdAtMs: number;
    readAtMs: number | null;
  };
  policyVersions: {
    version: number;
    policy: string;
    createdAtMs: number;
    createdBy: number | null;
    note: Generated<string>;
  };
  requests: {
    id: Generated<number>;
    code: string;
    status: string;
    hostUserId: number;
    departmentId: number | null;
    orgName: string;
    orgCategory: string;
    tier: string;
    arrivalDate: string;
    departureDate: string;
    visitorCount: number;
    retroactive: number;
    policyVersion: number | null;
    body: string;
    budgetTotalFen: number;
    revision: Generated<number>;
    version: Generated<number>;
    createdAtMs: number;
    updatedAtMs: number;
  };
  requestRevisions: {
    requestId: number;
    revision: number;
    body: string;
    checks: string;
    budget: string;
    policyVersion: number;
    submittedAtMs: number;
    submittedBy: number;
  };
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
  requestEvents: {
    id: Generated<number>;
    requestId: number;
    atMs: number;
    actorUserId: number | null;
    onBehalfOfUserId: number | null;
    kind: string;
    stepId: number | null;
    comment: Generated<string>;
    data: Generated<string>;
  };
  delegations: {
    id: Generated<number>;
    userId: number;
    delegateUserId: number;
    fromDate: string;
    toDate: string;
    createdAtMs: number;
    revokedAtMs: number | null;
  };
  auditLog: {
    id: Generated<number>;
    atMs: number;
    actorUserId: number | null;
    actorName: string | null;
    onBehalfOfUserId: number | null;
    onBehalfOfName: string | null;
    operation: string;
    entityType: string;
    entityId: string | null;
    summary: Generated<string>;
  };
}
