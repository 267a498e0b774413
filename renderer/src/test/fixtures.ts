import { permissionsOf, type Role } from '../../../shared/auth/roles';
import type { SessionInfo } from '../../../shared/contract/types';
import { estimateBudget } from '../../../shared/policy/evaluate';
import { DEFAULT_POLICY } from '../../../shared/policy/policy';
import { emptyRequestBody, type RequestBody } from '../../../shared/requests/schema';
import type { RequestDossier } from '../../../shared/requests/views';

/** Component-test fixtures: what the contract returns, built from the shared types and rules. */

export const TIME_ZONE = 'Asia/Shanghai';

/** A signed-in session of one person with the given roles (and the departments he heads). */
export function sessionOf(
  roles: Role[],
  user: { id?: number; login?: string; displayName?: string; headOf?: number[] } = {},
): SessionInfo {
  return {
    user: {
      id: user.id ?? 2,
      login: user.login ?? 'zhang.wei',
      displayName: user.displayName ?? '张伟',
      departmentId: 1,
      departmentName: '销售部',
      roles,
      phone: '',
      language: 'zh-CN',
      disabled: false,
      lockedUntilMs: null,
      mustChangePassword: false,
      createdAtMs: Date.UTC(2026, 0, 1),
    },
    permissions: [...permissionsOf(roles)],
    headOf: user.headOf ?? [],
    settings: {
      companyName: '测试公司',
      timeZone: TIME_ZONE,
      idleLockMinutes: 10,
      reimbursementDays: 7,
      demo: false,
    },
    locked: false,
  };
}

/** A filled-in request body: two visitors from a client, one night, dinner on the first day. */
export function requestBody(patch: Partial<RequestBody> = {}): RequestBody {
  const body = emptyRequestBody();
  return {
    ...body,
    departmentId: 1,
    orgName: '中建三局',
    orgCategory: 'client',
    tier: 'B',
    purpose: '项目洽谈',
    arrivalDate: '2026-12-07',
    arrivalTime: '09:30',
    departureDate: '2026-12-08',
    departureTime: '16:00',
    visitors: [
      {
        name: '王五',
        title: '总经理',
        phone: '13800138000',
        idType: null,
        idNumber: '',
        notes: '',
      },
      { name: '赵六', title: '', phone: '', idType: null, idNumber: '', notes: '' },
    ],
    needs: {
      ...body.needs,
      meals: [{ date: '2026-12-07', meal: 'dinner', perHeadFen: null }],
    },
    ...patch,
  };
}

/** The dossier of a request in approval, as `requests.get` and `approvals.decide` return it. */
export function dossierOf(patch: Partial<RequestDossier> = {}): RequestDossier {
  const body = requestBody();
  const budget = estimateBudget(body, DEFAULT_POLICY);
  return {
    id: 7,
    code: 'JD-20261201-001',
    status: 'approving',
    hostUserId: 3,
    hostName: '李娜',
    departmentId: 1,
    departmentName: '销售部',
    orgName: body.orgName,
    tier: body.tier,
    arrivalDate: body.arrivalDate,
    departureDate: body.departureDate,
    visitorCount: body.visitors.length,
    budgetTotalFen: budget.totalFen,
    retroactive: false,
    revision: 1,
    version: 4,
    updatedAtMs: Date.UTC(2026, 11, 1, 2),
    body,
    policyVersion: 1,
    checks: [],
    budget,
    steps: [],
    events: [],
    changes: [],
    changesSinceRevision: null,
    myStep: null,
    remind: null,
    canEdit: false,
    canCancel: false,
    canDelete: false,
    ...patch,
  };
}
