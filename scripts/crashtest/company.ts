/**
 * The company every crash trial starts from: an admin, a department with its head, a host, an
 * executive and the admin office, each signed in (their session tokens go to the child), and a
 * few filed visits to record expense lines on. Made once per run through the dispatcher, as the
 * app's users would make it; each trial then works on a copy of the file.
 */
import { dispatch, type CallOutcome } from '../../main/api/dispatcher';
import type { RunningApp } from '../../main/app';
import type { OperationName } from '../../shared/contract/names';
import type { OpInput, OpOutput } from '../../shared/contract/operations';
import type { RequestBody } from '../../shared/requests/schema';
import { decision, requestBody, visitor } from '../../main/test-fixtures';

/** 2026-11-27 09:00 in Asia/Shanghai, as in the unit tests: the visits below are days ahead. */
export const CRASH_CLOCK_MS = Date.UTC(2026, 10, 27, 1, 0);

export interface CrashCompany {
  host: string;
  head: string;
  executive: string;
  office: string;
  /** Filed visits of the host, each able to take expense lines. */
  filed: number[];
}

export async function ok<N extends OperationName>(
  app: RunningApp,
  op: N,
  input: OpInput<N>,
  token: string | null,
): Promise<OpOutput<N>> {
  const out = await dispatch(app, { op, input, token });
  if (!out.result.ok) throw new Error(`${op} failed: ${JSON.stringify(out.result.error)}`);
  return out.result.value as OpOutput<N>;
}

async function session(out: Promise<CallOutcome>, what: string): Promise<string> {
  const o = await out;
  if (!o.result.ok || typeof o.session !== 'string') {
    throw new Error(`${what} failed: ${JSON.stringify(o.result)}`);
  }
  return o.session;
}

const PASSWORD = 'crash-test-pass-1';

async function user(
  app: RunningApp,
  admin: string,
  login: string,
  displayName: string,
  roles: OpInput<'users.create'>['roles'],
  departmentId: number | null,
): Promise<{ id: number; token: string }> {
  const u = await ok(
    app,
    'users.create',
    { login, displayName, departmentId, roles, password: PASSWORD },
    admin,
  );
  const token = await session(
    dispatch(app, { op: 'auth.login', input: { login, password: PASSWORD }, token: null }),
    `login ${login}`,
  );
  return { id: u.id, token };
}

/** The input of requests.submit for a new request. */
export function newRequest(overrides: Partial<RequestBody> = {}) {
  return { id: null, version: null, body: requestBody(overrides) };
}

export { decision, visitor };

/** Decides every step of a request in turn (head, executive, office) until it is filed. */
export async function fileVisit(app: RunningApp, c: CrashCompany, id: number): Promise<void> {
  for (let round = 0; round < 6; round++) {
    const d = await ok(app, 'requests.get', { id }, c.host);
    if (d.status === 'filed') return;
    let decided = false;
    for (const who of [c.head, c.executive, c.office]) {
      const seen = await ok(app, 'requests.get', { id }, who);
      if (seen.myStep) {
        await ok(app, 'approvals.decide', decision(seen.myStep), who);
        decided = true;
        break;
      }
    }
    if (!decided) throw new Error(`request ${id} is stuck at ${d.status}`);
  }
  throw new Error(`request ${id} was not filed`);
}

export async function seedCompany(app: RunningApp, filedVisits = 3): Promise<CrashCompany> {
  const admin = await session(
    dispatch(app, {
      op: 'setup.createAdmin',
      input: {
        companyName: '示例科技有限公司',
        login: 'admin',
        displayName: '王管理',
        password: PASSWORD,
      },
      token: null,
    }),
    'setup',
  );
  const head = await user(app, admin, 'head', '李部长', ['dept_head'], null);
  const dept = await ok(app, 'departments.create', { name: '销售部', headUserId: head.id }, admin);
  await ok(
    app,
    'users.update',
    {
      id: head.id,
      displayName: '李部长',
      departmentId: dept.id,
      roles: ['dept_head'],
      disabled: false,
    },
    admin,
  );
  const host = await user(app, admin, 'host', '王接待', ['host'], dept.id);
  const executive = await user(app, admin, 'gm', '张总', ['executive'], null);
  const office = await user(app, admin, 'office', '刘行政', ['admin_office'], null);
  const c: CrashCompany = {
    host: host.token,
    head: head.token,
    executive: executive.token,
    office: office.token,
    filed: [],
  };
  for (let i = 0; i < filedVisits; i++) {
    const d = await ok(
      app,
      'requests.submit',
      newRequest({ orgName: `预置来访 ${i + 1}` }),
      c.host,
    );
    await fileVisit(app, c, d.id);
    c.filed.push(d.id);
  }
  return c;
}
