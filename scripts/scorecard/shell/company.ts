/**
 * A small company made through the dispatcher, as its users would make it, for D6 (the XSS sweep)
 * and D7 (exports and attachments): an admin, a department with its head, a host, an executive,
 * the admin office and a finance officer, each signed in. Names may be given, so the sweep can
 * make the users and the department carry hostile text too.
 */
import { dispatch } from '../../../main/api/dispatcher';
import type { RunningApp } from '../../../main/app';
import { CRASH_CLOCK_MS, decision, ok } from '../../crashtest/company';
import type { OpInput } from '../../../shared/contract/operations';

export const PASSWORD = 'scorecard-pass-1';

export interface Company {
  admin: string;
  host: string;
  head: string;
  executive: string;
  office: string;
  finance: string;
  hostId: number;
  departmentId: number;
}

export async function signIn(app: RunningApp, login: string): Promise<string> {
  const out = await dispatch(app, {
    op: 'auth.login',
    input: { login, password: PASSWORD },
    token: null,
  });
  if (!out.result.ok || typeof out.session !== 'string') {
    throw new Error(`login ${login} failed: ${JSON.stringify(out.result)}`);
  }
  return out.session;
}

export async function createUser(
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
  return { id: u.id, token: await signIn(app, login) };
}

export interface CompanyNames {
  company: string;
  admin: string;
  department: string;
  head: string;
  host: string;
}

const PLAIN: CompanyNames = {
  company: '示例科技有限公司',
  admin: '王管理',
  department: '销售部',
  head: '李部长',
  host: '王接待',
};

export async function makeCompany(
  app: RunningApp,
  names: Partial<CompanyNames> = {},
): Promise<Company> {
  const n = { ...PLAIN, ...names };
  const setup = await dispatch(app, {
    op: 'setup.createAdmin',
    input: { companyName: n.company, login: 'admin', displayName: n.admin, password: PASSWORD },
    token: null,
  });
  if (!setup.result.ok || typeof setup.session !== 'string') {
    throw new Error(`setup failed: ${JSON.stringify(setup.result)}`);
  }
  const admin = setup.session;
  const head = await createUser(app, admin, 'head', n.head, ['dept_head'], null);
  const dept = await ok(
    app,
    'departments.create',
    { name: n.department, headUserId: head.id },
    admin,
  );
  await ok(
    app,
    'users.update',
    {
      id: head.id,
      displayName: n.head,
      departmentId: dept.id,
      roles: ['dept_head'],
      disabled: false,
    },
    admin,
  );
  const host = await createUser(app, admin, 'host', n.host, ['host'], dept.id);
  const executive = await createUser(app, admin, 'gm', '张总', ['executive'], null);
  const office = await createUser(app, admin, 'office', '刘行政', ['admin_office'], null);
  const finance = await createUser(app, admin, 'finance', '赵财务', ['finance'], null);
  return {
    admin,
    host: host.token,
    head: head.token,
    executive: executive.token,
    office: office.token,
    finance: finance.token,
    hostId: host.id,
    departmentId: dept.id,
  };
}

/** Who may decide a step: the head, the executive and the admin office, in the chain's order. */
const deciders = (c: Company) => [c.head, c.executive, c.office];

/**
 * Decides the pending step of a request as whoever holds it, with a comment (an approval's
 * optional note, a return's or a rejection's reason). False when no step waits on any of them.
 */
export async function decideNext(
  app: RunningApp,
  c: Company,
  id: number,
  action: 'approve' | 'reject' | 'return',
  comment: string,
): Promise<boolean> {
  for (const who of deciders(c)) {
    const seen = await ok(app, 'requests.get', { id }, who);
    if (seen.myStep) {
      await ok(app, 'approvals.decide', decision(seen.myStep, action, comment), who);
      return true;
    }
  }
  return false;
}

/**
 * Decides every step of a request until it is filed. Each decision takes the next of `comments`
 * (none once they run out); returns how many of them were given.
 */
export async function file(
  app: RunningApp,
  c: Company,
  id: number,
  comments: readonly string[] = [],
): Promise<number> {
  let given = 0;
  for (let round = 0; round < 6; round++) {
    const d = await ok(app, 'requests.get', { id }, c.host);
    if (d.status === 'filed') return given;
    const comment = comments[given] ?? '';
    if (!(await decideNext(app, c, id, 'approve', comment))) {
      throw new Error(`request ${id} is stuck at ${d.status}`);
    }
    if (comment !== '') given++;
  }
  throw new Error(`request ${id} was not filed`);
}

/** Renames the company (settings.update as the admin), keeping its other settings. */
export async function setCompanyName(app: RunningApp, c: Company, name: string): Promise<void> {
  const s = await ok(app, 'settings.get', {}, c.admin);
  await ok(
    app,
    'settings.update',
    {
      companyName: name,
      timeZone: s.timeZone,
      idleLockMinutes: s.idleLockMinutes,
      reimbursementDays: s.reimbursementDays,
    },
    c.admin,
  );
}

/**
 * The app's clock for these runs: 2026-11-27 09:00 in Shanghai when the run starts, moving on with
 * real time, so the fixtures' visits (December 2026) are in the future and sessions stay fresh.
 */
export function companyClock(): () => number {
  const start = Date.now();
  return () => CRASH_CLOCK_MS + (Date.now() - start);
}
