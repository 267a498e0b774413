/**
 * The company D3 (fuzz) and D4 (permission matrix) call into: one signed-in user of every role,
 * requests in several states (draft, pending, rejected, cancelled, filed), an advance, an expense
 * line, a walk-in and a booking resource, so that fuzzed ids in the low range find real rows and
 * the handlers get past "not found". Made once per run through the dispatcher, as the app's users
 * would make it; each operation's fuzz then starts from a copy of the file.
 */
import { dispatch } from '../../../main/api/dispatcher';
import type { RunningApp } from '../../../main/app';
import type { Role } from '../../../shared/auth/roles';
import { decision } from '../../../main/test-fixtures';
import { fileVisit, newRequest, ok } from '../../crashtest/company';

/** 2026-11-27 09:00 in Asia/Shanghai, as in the unit tests: the seeded visits are days ahead. */
export const FUZZ_CLOCK_MS = Date.UTC(2026, 10, 27, 1, 0);

export const FUZZ_PASSWORD = 'fuzz-pass-123';
const PASSWORD = FUZZ_PASSWORD;

export interface FuzzUser {
  role: Role;
  login: string;
  userId: number;
  token: string;
}

export interface FuzzCompany {
  /** One user of each role (the crash company's and two more), each signed in. */
  users: FuzzUser[];
}

async function signIn(app: RunningApp, login: string, password: string): Promise<string> {
  const out = await dispatch(app, { op: 'auth.login', input: { login, password }, token: null });
  if (!out.result.ok || typeof out.session !== 'string') {
    throw new Error(`login ${login} failed: ${JSON.stringify(out.result)}`);
  }
  return out.session;
}

async function newUser(
  app: RunningApp,
  admin: string,
  role: Role,
  login: string,
  departmentId: number | null,
): Promise<FuzzUser> {
  const u = await ok(
    app,
    'users.create',
    { login, displayName: login, departmentId, roles: [role], password: PASSWORD },
    admin,
  );
  return { role, login, userId: u.id, token: await signIn(app, login, PASSWORD) };
}

export async function seedFuzzCompany(app: RunningApp): Promise<FuzzCompany> {
  const setup = await dispatch(app, {
    op: 'setup.createAdmin',
    input: {
      companyName: '示例科技有限公司',
      login: 'admin',
      displayName: '王管理',
      password: PASSWORD,
    },
    token: null,
  });
  if (!setup.result.ok || typeof setup.session !== 'string') {
    throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  }
  const admin = setup.session;
  const adminId = (setup.result.value as { user: { id: number } }).user.id;
  const head = await newUser(app, admin, 'dept_head', 'head', null);
  const dept = await ok(
    app,
    'departments.create',
    { name: '销售部', headUserId: head.userId },
    admin,
  );
  await ok(
    app,
    'users.update',
    {
      id: head.userId,
      displayName: 'head',
      departmentId: dept.id,
      roles: ['dept_head'],
      disabled: false,
    },
    admin,
  );
  const host = await newUser(app, admin, 'host', 'host', dept.id);
  const gm = await newUser(app, admin, 'executive', 'gm', null);
  const office = await newUser(app, admin, 'admin_office', 'office', null);
  const desk = await newUser(app, admin, 'front_desk', 'desk', null);
  const finance = await newUser(app, admin, 'finance', 'finance', null);
  const users: FuzzUser[] = [
    { role: 'sysadmin', login: 'admin', userId: adminId, token: admin },
    head,
    host,
    gm,
    office,
    desk,
    finance,
  ];
  const c = {
    host: host.token,
    head: head.token,
    executive: gm.token,
    office: office.token,
    filed: [] as number[],
  };
  for (const name of ['归档来访一', '归档来访二']) {
    const d = await ok(app, 'requests.submit', newRequest({ orgName: name }), c.host);
    await fileVisit(app, c, d.id);
    c.filed.push(d.id);
  }

  // Requests in several states beside the filed ones.
  await ok(app, 'requests.saveDraft', newRequest({ orgName: '草稿来访' }), c.host);
  await ok(app, 'requests.submit', newRequest({ orgName: '待审来访' }), c.host);
  const rejected = await ok(app, 'requests.submit', newRequest({ orgName: '驳回来访' }), c.host);
  const seen = await ok(app, 'requests.get', { id: rejected.id }, c.head);
  if (seen.myStep) {
    await ok(app, 'approvals.decide', decision(seen.myStep, 'reject', '不符合'), c.head);
  }
  const cancelled = await ok(app, 'requests.submit', newRequest({ orgName: '取消来访' }), c.host);
  await ok(
    app,
    'requests.cancel',
    { id: cancelled.id, version: cancelled.version, reason: '客户改期' },
    c.host,
  );
  const third = await ok(app, 'requests.submit', newRequest({ orgName: '报销来访' }), c.host);
  await fileVisit(app, c, third.id);

  // Money on a filed visit: an advance and a line.
  const visit = c.filed[0]!;
  await ok(
    app,
    'expenses.saveAdvance',
    { requestId: visit, id: null, version: null, amountFen: 20_000, purpose: '餐费' },
    c.host,
  );
  await ok(
    app,
    'expenses.saveLine',
    {
      requestId: visit,
      id: null,
      version: null,
      line: {
        category: 'meals',
        spentOn: '2026-12-01',
        vendor: '海底捞',
        amountFen: 30_000,
        invoiceType: 'electronic',
        invoiceNo: '26312000000012345678',
        noInvoiceReason: '',
        paidBy: 'advance',
        bookingId: null,
        visitors: 2,
        companions: 1,
        attendeesReason: '',
        note: '午餐',
      },
    },
    c.host,
  );
  await ok(
    app,
    'bookings.saveResource',
    {
      id: null,
      version: null,
      resource: { kind: 'vehicle', plate: '京A12345', model: '帕萨特', seats: 4 },
    },
    c.office,
  );
  await ok(
    app,
    'frontdesk.registerWalkIn',
    {
      name: '张三',
      orgName: '某公司',
      phone: '13800138000',
      hostUserId: host.userId,
      purpose: '送资料',
    },
    c.office,
  );
  return { users };
}
