import type { Generated } from 'kysely';

/** requests's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface RequestsTables {
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
}
