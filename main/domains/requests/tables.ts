import type { Generated } from 'kysely';
import type { Budget, PolicyCheck } from '../../../shared/policy';
import type { OrgCategory, Tier } from '../../../shared/policy';
import type { RequestStatus } from '../../../shared/requests/lifecycle';
import type { RequestBody } from '../../../shared/requests/schema';
import type { RequestEventKind } from '../../../shared/requests/views';
import type { Json } from '../../core/json';

/** requests's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface RequestsTables {
  requests: {
    id: Generated<number>;
    code: string;
    status: RequestStatus;
    hostUserId: number;
    departmentId: number | null;
    orgName: string;
    /** `orgKey(orgName)`: what the repeat-visit rule compares. */
    orgKey: string;
    orgCategory: OrgCategory;
    tier: Tier;
    arrivalDate: string;
    departureDate: string;
    visitorCount: number;
    retroactive: 0 | 1;
    policyVersion: number | null;
    /** The host's latest text; what approvers decided on is in request_revisions. */
    body: Json<RequestBody>;
    budgetTotalFen: number;
    revision: Generated<number>;
    version: Generated<number>;
    createdAtMs: number;
    updatedAtMs: number;
  };
  /** Each submission, frozen with the checks and budget it was submitted with. */
  requestRevisions: {
    id: Generated<number>;
    requestId: number;
    revision: number;
    body: Json<RequestBody>;
    checks: Json<PolicyCheck[]>;
    budget: Json<Budget>;
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
    kind: RequestEventKind;
    stepId: number | null;
    comment: Generated<string>;
    data: Generated<Json<Record<string, unknown>>>;
  };
  /** Requests per (listed, status, tier, department): the lists' totals. Kept by triggers. */
  requestCounts: {
    /** 1: in the 'all' scope (submitted at least once, not a draft). */
    listed: 0 | 1;
    status: RequestStatus;
    tier: Tier;
    /** 0: no department. */
    departmentId: number;
    n: number;
  };
  /** Figures about all requests kept by triggers ('max_stay_days'). */
  requestStats: {
    key: string;
    value: number;
  };
}
