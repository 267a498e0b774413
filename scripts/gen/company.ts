/**
 * The company: its settings, its ~20 departments and their heads, and its people — the first
 * sysadmin `admin`, executives, the admin office, front desk, finance and hosts (`u0001`…), some
 * hired over the years and a few who left. `hireCompany` decides who works here (its own random
 * stream) and the lookups the rest of the generator needs (who heads a department, who can be
 * asked to approve, who may host); `writeCompany` writes settings, departments, users and roles
 * with the audit entries setup and the sysadmin leave. Approvers (heads, executives, admin office)
 * stay the same ten years, deliberately.
 */
import type { StepKind } from '../../shared/approvals/steps';
import type { Role } from '../../shared/auth/roles';
import { addWorkMinutes, DAY, dayStart, HOUR, MINUTE, WORK_MINUTES_PER_DAY } from './calendar';
import * as W from './names';
import { Rng, STREAM, Weighted } from './random';
import type { Records } from './records';
import type { Writer } from './writer';

export const COMPANY_NAME = '华夏精工集团股份有限公司';
/** The admin office: the department whose staff hold `admin_office` and `front_desk`. */
export const ADMIN_OFFICE_DEPARTMENT = '人事行政部';

interface DepartmentDef {
  name: string;
  /** Share of the hosts (and so of the visits) in this department. */
  hosts: number;
}

/** 总经办 first: its head is the first executive. A department's id is its index + 1. */
export const DEPARTMENTS: readonly DepartmentDef[] = [
  { name: '总经办', hosts: 3 },
  { name: ADMIN_OFFICE_DEPARTMENT, hosts: 3 },
  { name: '财务部', hosts: 1 },
  { name: '销售部', hosts: 22 },
  { name: '市场部', hosts: 9 },
  { name: '研发中心', hosts: 8 },
  { name: '采购部', hosts: 8 },
  { name: '生产部', hosts: 5 },
  { name: '质量管理部', hosts: 4 },
  { name: '法务部', hosts: 1 },
  { name: '信息技术部', hosts: 2 },
  { name: '国际业务部', hosts: 8 },
  { name: '客户服务部', hosts: 4 },
  { name: '战略投资部', hosts: 3 },
  { name: '供应链管理部', hosts: 4 },
  { name: '品牌公关部', hosts: 3 },
  { name: '审计部', hosts: 1 },
  { name: '工程技术部', hosts: 4 },
  { name: '安全环保部', hosts: 2 },
  { name: '物流部', hosts: 3 },
];

const deptIndex = new Map(DEPARTMENTS.map((d, i) => [d.name, i]));
/** The index into DEPARTMENTS of a department's name. */
export function deptOf(name: string): number {
  const i = deptIndex.get(name);
  if (i === undefined) throw new Error(`unknown department ${name}`);
  return i;
}

export interface UserRec {
  id: number;
  login: string;
  name: string;
  /** Index into DEPARTMENTS; null for the sysadmin. */
  dept: number | null;
  roles: Role[];
  language: 'zh-CN' | 'en';
  joinMs: number;
  /** When the account was disabled (left the company); null while employed. */
  leftMs: number | null;
  /** Minutes after midnight at which he usually opens his notifications. */
  readSlots: readonly number[];
  /** Chance that he lets a reading slot pass. */
  skipRead: number;
}

const surnames = Weighted.of(W.SURNAMES);
const givenNames = Weighted.of(W.GIVEN_NAMES);
const enFirst = Weighted.of(W.EN_FIRST_NAMES);
const enLast = Weighted.of(W.EN_SURNAMES);
/** A Chinese name at real-life frequencies (staff and visitors). */
export const chineseName = (rng: Rng) => surnames.pick(rng) + givenNames.pick(rng);
/** An English name (foreign visitors). */
export const englishName = (rng: Rng) => `${enFirst.pick(rng)} ${enLast.pick(rng)}`;

/** Who works here, and the lookups the simulation needs. */
export interface Company {
  admin: UserRec;
  /** Every account by id (the sysadmin is 1); no entry at 0. */
  byId: readonly (UserRec | undefined)[];
  /** Every account in id order. */
  all: readonly UserRec[];
  /** Department heads by department index. */
  heads: readonly UserRec[];
  executives: readonly UserRec[];
  executiveIds: ReadonlySet<number>;
  adminOfficeStaff: readonly UserRec[];
  /** Who may decide a step of each kind that has no assignee. */
  pools: Readonly<Record<StepKind, readonly UserRec[]>>;
  /** Hosts by department index. */
  hostsByDept: readonly (readonly UserRec[])[];
  /** Everybody by department index (companions). */
  colleaguesByDept: readonly (readonly UserRec[])[];
  headOf(dept: number): UserRec;
}

/**
 * The people of the company: the founding staff made at `t0` (before the first visit of the ten
 * years was announced), hosts hired until two months before now, 7 % of later hires leaving.
 */
export function hireCompany(
  seed: number,
  visits: number,
  t0: number,
  firstDay: number,
  nowMs: number,
): Company {
  const rngCompany = new Rng(seed, STREAM.company);
  const userCount = Math.min(400, 150 + Math.round(visits / 10_000));
  const takenNames = new Set<string>();
  const uniqueName = (rng: Rng) => {
    for (;;) {
      const name = chineseName(rng);
      if (!takenNames.has(name)) {
        takenNames.add(name);
        return name;
      }
    }
  };
  const adminOffice = deptOf(ADMIN_OFFICE_DEPARTMENT);

  interface Person {
    dept: number | null;
    roles: Role[];
    joinMs: number;
    leftMs: number | null;
    head?: number;
  }
  const people: Person[] = [];
  const approverSlots = [9 * 60 + 20, 13 * 60 + 40, 16 * 60 + 50];
  // The first executive heads 总经办; every other department's head also files requests.
  for (let i = 0; i < 5; i++) {
    people.push({
      dept: 0,
      roles: i === 0 ? ['executive', 'dept_head'] : ['executive'],
      joinMs: t0,
      leftMs: null,
      ...(i === 0 ? { head: 0 } : {}),
    });
  }
  for (let d = 1; d < DEPARTMENTS.length; d++) {
    people.push({
      dept: d,
      roles: d === adminOffice ? ['dept_head', 'admin_office', 'host'] : ['dept_head', 'host'],
      joinMs: t0,
      leftMs: null,
      head: d,
    });
  }
  for (let i = 0; i < 5; i++)
    people.push({ dept: adminOffice, roles: ['admin_office'], joinMs: t0, leftMs: null });
  for (let i = 0; i < 4; i++)
    people.push({ dept: adminOffice, roles: ['front_desk'], joinMs: t0, leftMs: null });
  for (let i = 0; i < 4; i++)
    people.push({ dept: deptOf('财务部'), roles: ['finance'], joinMs: t0, leftMs: null });
  const hostDepts = new Weighted(
    DEPARTMENTS.map((_d, i) => i),
    DEPARTMENTS.map((d) => d.hosts),
  );
  const hostTotal = Math.max(userCount - people.length, DEPARTMENTS.length * 2);
  const firstVisitMs = dayStart(firstDay);
  for (let i = 0; i < hostTotal; i++) {
    // Two hosts per department from the start, who stay: every department can always file.
    const dept = i < DEPARTMENTS.length * 2 ? i % DEPARTMENTS.length : hostDepts.pick(rngCompany);
    const founding = i < DEPARTMENTS.length * 2 || rngCompany.chance(0.6);
    const joinMs = founding
      ? t0
      : addWorkMinutes(
          firstVisitMs + rngCompany.float() * (nowMs - 60 * DAY - firstVisitMs),
          rngCompany.int(WORK_MINUTES_PER_DAY),
        );
    let leftMs: number | null = null;
    if (i >= DEPARTMENTS.length * 2 && rngCompany.chance(0.07)) {
      const from = joinMs + 365 * DAY;
      const to = nowMs - 30 * DAY;
      if (from < to) leftMs = addWorkMinutes(from + rngCompany.float() * (to - from), 60);
    }
    people.push({ dept, roles: ['host'], joinMs, leftMs });
  }
  // Ids in the order the accounts were made: the company first, then hires as they came.
  const order = people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.joinMs - b.p.joinMs || a.i - b.i);
  const users = new Array<UserRec>(order.length + 2);
  const admin: UserRec = {
    id: 1,
    login: 'admin',
    name: '系统管理员',
    dept: null,
    roles: ['sysadmin'],
    language: 'zh-CN',
    joinMs: t0,
    leftMs: null,
    readSlots: [9 * 60 + 30],
    skipRead: 0.5,
  };
  users[1] = admin;
  takenNames.add(admin.name);
  const heads = new Array<UserRec>(DEPARTMENTS.length);
  order.forEach(({ p }, n) => {
    const approver = p.roles.some(
      (r) => r === 'dept_head' || r === 'executive' || r === 'admin_office',
    );
    const user: UserRec = {
      id: n + 2,
      login: `u${String(n + 1).padStart(4, '0')}`,
      name: uniqueName(rngCompany),
      dept: p.dept,
      roles: p.roles,
      language: p.roles.includes('host') && !approver && rngCompany.chance(0.05) ? 'en' : 'zh-CN',
      // The founding staff are entered one after another on the first morning.
      joinMs: p.joinMs === t0 ? t0 + 10 * MINUTE + (n + 2) * 15_000 : p.joinMs,
      leftMs: p.leftMs,
      readSlots: approver ? approverSlots : [10 * 60 + 30],
      skipRead: approver ? 0.04 : 0.35,
    };
    users[user.id] = user;
    if (p.head !== undefined) heads[p.head] = user;
  });
  const allUsers = users.filter((u): u is UserRec => u !== undefined);
  const holders = (role: Role) => allUsers.filter((u) => u.roles.includes(role));
  const executives = holders('executive');
  const adminOfficeStaff = holders('admin_office');
  return {
    admin,
    byId: users,
    all: allUsers,
    heads,
    executives,
    executiveIds: new Set(executives.map((u) => u.id)),
    adminOfficeStaff,
    pools: {
      dept_head: holders('dept_head'),
      executive: executives,
      admin_office: adminOfficeStaff,
      finance: holders('finance'),
    },
    hostsByDept: DEPARTMENTS.map((_d, i) =>
      allUsers.filter((u) => u.dept === i && u.roles.includes('host')),
    ),
    colleaguesByDept: DEPARTMENTS.map((_d, i) => allUsers.filter((u) => u.dept === i)),
    headOf: (dept: number): UserRec => {
      const h = heads[dept];
      if (!h) throw new Error(`generator bug: no head for ${DEPARTMENTS[dept]?.name}`);
      return h;
    },
  };
}

/**
 * Settings, departments, users and their roles, as setup and the sysadmin made them on the first
 * morning (and later, as people were hired and left), with their audit entries. Every account
 * stores `passwordHash`.
 */
export function writeCompany(
  company: Company,
  t0: number,
  nowMs: number,
  passwordHash: string,
  writer: Writer,
  records: Records,
): void {
  const { admin, headOf } = company;
  // setup.createAdmin, then the sysadmin saves the settings once (idle lock 15 minutes).
  writer.insert('settings', 'companyName', JSON.stringify(COMPANY_NAME));
  writer.insert('settings', 'timeZone', JSON.stringify('Asia/Shanghai'));
  writer.insert('settings', 'idleLockMinutes', JSON.stringify(15));
  // Setup signs the new sysadmin in: no auth.login of his own that day.
  records.signedIn(admin, t0);
  records.audit(t0, admin, 'setup.createAdmin', 'user', admin.id, {
    login: 'admin',
    companyName: COMPANY_NAME,
    roles: ['sysadmin'],
  });
  records.audit(t0 + 2 * MINUTE, admin, 'settings.update', 'settings', null, {
    idleLockMinutes: { from: 10, to: 15 },
  });
  // Departments first (no head yet), then the people, then each department gets its head.
  const headSetAt = t0 + 2 * HOUR;
  DEPARTMENTS.forEach((d, i) => {
    const createdAt = t0 + 3 * MINUTE + i * 20_000;
    records.audit(createdAt, admin, 'departments.create', 'department', i + 1, {
      name: d.name,
      headUserId: null,
    });
    writer.insert('departments', i + 1, d.name, headOf(i).id, createdAt, headSetAt + i * MINUTE);
  });
  for (const u of company.all) {
    const departmentId = u.dept === null ? null : u.dept + 1;
    const disabled = u.leftMs !== null && u.leftMs <= nowMs;
    writer.insert(
      'users',
      u.id,
      u.login,
      u.name,
      departmentId,
      passwordHash,
      u.language,
      disabled ? 1 : 0,
      u.joinMs,
      disabled ? u.leftMs : u.joinMs,
    );
    for (const role of u.roles) writer.insert('user_roles', u.id, role);
    if (u === admin) continue;
    records.audit(u.joinMs, admin, 'users.create', 'user', u.id, {
      login: u.login,
      displayName: u.name,
      departmentId,
      roles: u.roles,
    });
    if (disabled && u.leftMs !== null) {
      records.audit(u.leftMs, admin, 'users.update', 'user', u.id, {
        login: u.login,
        changes: { disabled: { from: false, to: true } },
      });
    }
  }
  DEPARTMENTS.forEach((d, i) => {
    records.audit(headSetAt + i * MINUTE, admin, 'departments.update', 'department', i + 1, {
      from: { name: d.name, headUserId: null },
      to: { name: d.name, headUserId: headOf(i).id },
    });
  });
}

/** A few logins per role of people still employed at `nowMs`, for the CLI's summary. */
export function sampleLogins(company: Company, nowMs: number): Partial<Record<Role, string[]>> {
  const logins: Partial<Record<Role, string[]>> = {};
  for (const u of company.all) {
    for (const role of u.roles) {
      const list = logins[role] ?? [];
      if (list.length < 3 && (u.leftMs === null || u.leftMs > nowMs)) list.push(u.login);
      logins[role] = list;
    }
  }
  return logins;
}
