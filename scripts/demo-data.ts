import { randomBytes } from 'node:crypto';
import type { Role } from '../shared/auth/roles';
import type { App } from '../main/api/dispatcher';
import { appendAudit } from '../main/domains/audit';
import { insertResource } from '../main/domains/bookings';
import type { ResourceInput } from '../shared/bookings';
import { putSettings } from '../main/domains/settings';
import { insertUser } from '../main/domains/users';
import { seedDemoVisits } from './demo-visits';

/**
 * The demo company of `npm run demo`. Clearly marked (settings.demo shows a banner); passwords
 * are generated per run and returned once, none is fixed in the code.
 */
const DEPARTMENTS = ['总经办', '人事行政部', '销售部', '技术部', '财务部', '采购部'] as const;

const PEOPLE: {
  login: string;
  name: string;
  dept: (typeof DEPARTMENTS)[number];
  roles: Role[];
  head?: true;
}[] = [
  { login: 'zhangwei', name: '张伟', dept: '总经办', roles: ['executive'], head: true },
  { login: 'wangfang', name: '王芳', dept: '销售部', roles: ['host'] },
  { login: 'lina', name: '李娜', dept: '销售部', roles: ['dept_head', 'host'], head: true },
  { login: 'liuyang', name: '刘洋', dept: '人事行政部', roles: ['admin_office'], head: true },
  { login: 'chenjing', name: '陈静', dept: '人事行政部', roles: ['front_desk'] },
  { login: 'zhaomin', name: '赵敏', dept: '财务部', roles: ['finance'], head: true },
  { login: 'sunhao', name: '孙浩', dept: '技术部', roles: ['sysadmin'] },
  { login: 'zhenghua', name: '郑华', dept: '采购部', roles: ['dept_head'], head: true },
  { login: 'zhouqiang', name: '周强', dept: '采购部', roles: ['host'] },
];

/** What the admin office can book in the demo: cars, drivers, rooms, a hotel, a restaurant, gifts. */
export const CATALOGUE: ResourceInput[] = [
  { kind: 'vehicle', plate: '京A8A123', model: '大众帕萨特', seats: 4 },
  { kind: 'vehicle', plate: '京AD66888', model: '别克GL8 商务车', seats: 6 },
  { kind: 'vehicle', plate: '京B35791', model: '丰田考斯特', seats: 19 },
  { kind: 'driver', name: '赵建国', phone: '13910001001', licenceClass: 'A1' },
  { kind: 'driver', name: '钱师傅', phone: '13910001002', licenceClass: 'C1' },
  {
    kind: 'room',
    name: '第一会议室',
    place: '5楼',
    capacity: 20,
    equipment: ['projector', 'video_conference', 'microphone'],
  },
  { kind: 'room', name: '小会议室', place: '3楼', capacity: 6, equipment: ['whiteboard'] },
  { kind: 'room', name: '贵宾接待室', place: '1楼', capacity: 10, equipment: ['projector'] },
  {
    kind: 'hotel',
    name: '锦江国际酒店',
    star: 5,
    address: '建国门外大街 1 号',
    phone: '01065001234',
    roomTypes: [
      { name: '高级大床房', priceFen: 68_000 },
      { name: '行政套房', priceFen: 128_000 },
    ],
  },
  {
    kind: 'hotel',
    name: '如家商旅',
    star: 3,
    address: '中关村大街 18 号',
    phone: '01062005678',
    roomTypes: [{ name: '标准间', priceFen: 38_000 }],
  },
  {
    kind: 'restaurant',
    name: '全聚德（前门店）',
    address: '前门大街 30 号',
    phone: '01067011379',
    perHeadFen: 12_000,
    privateRooms: [
      { name: '牡丹厅', capacity: 12 },
      { name: '兰花厅', capacity: 6 },
    ],
  },
  { kind: 'supply', name: '定制茶叶礼盒', unit: '盒', stock: 40 },
  { kind: 'supply', name: '公司纪念册', unit: '本', stock: 100 },
];

const password = () => randomBytes(9).toString('base64url');

export interface DemoLogin {
  login: string;
  name: string;
  roles: Role[];
  password: string;
}

export class DatabaseNotEmptyError extends Error {}

/**
 * Adds the demo company, and on a new database (every demo person new) its visits of the last
 * three months (scripts/demo-visits.ts) unless `visits` is false. Refuses a database that already
 * has users unless `force`.
 */
export async function seedDemo(
  app: App,
  force: boolean,
  options: { visits?: boolean } = {},
): Promise<DemoLogin[]> {
  const existing = await app.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing && !force) throw new DatabaseNotEmptyError('the database already has users');
  const now = app.clock();
  const logins: DemoLogin[] = [];
  await app.db.transaction().execute(async (trx) => {
    const deptIds = new Map<string, number>();
    for (const name of DEPARTMENTS) {
      const row = await trx
        .insertInto('departments')
        .values({ name, headUserId: null, createdAtMs: now, updatedAtMs: now })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('id')
        .executeTakeFirst();
      const id =
        row?.id ??
        (
          await trx
            .selectFrom('departments')
            .select('id')
            .where('name', '=', name)
            .executeTakeFirstOrThrow()
        ).id;
      deptIds.set(name, id);
    }
    for (const p of PEOPLE) {
      const taken = await trx
        .selectFrom('users')
        .select('id')
        .where('login', '=', p.login)
        .executeTakeFirst();
      if (taken) continue;
      const pw = password();
      const id = await insertUser(trx, now, {
        login: p.login,
        displayName: p.name,
        departmentId: deptIds.get(p.dept) ?? null,
        roles: p.roles,
        password: pw,
      });
      if (p.head) {
        await trx
          .updateTable('departments')
          .set({ headUserId: id })
          .where('name', '=', p.dept)
          .execute();
      }
      logins.push({ login: p.login, name: p.name, roles: p.roles, password: pw });
    }
    for (const r of CATALOGUE) await insertResource(trx, now, r);
    await putSettings(trx, { companyName: '示例科技有限公司（演示）', demo: true });
    await appendAudit(trx, {
      atMs: now,
      actorUserId: null,
      actorName: 'npm run demo',
      operation: 'demo.seed',
      entityType: 'database',
      entityId: null,
      summary: {
        departments: DEPARTMENTS.length,
        users: logins.map((l) => l.login),
        resources: CATALOGUE.length,
      },
    });
  });
  if ((options.visits ?? true) && logins.length === PEOPLE.length) {
    const passwords = new Map(logins.map((l) => [l.login, l.password]));
    await seedDemoVisits(app, { password: (login) => passwords.get(login) ?? '' }, now);
  }
  return logins;
}
