/**
 * Issue 7 (11): hostile text in any string field of any operation is a field error or a refusal,
 * never a 500. Every string field of every operation gets NUL, bidi overrides and isolates, C1
 * controls and lone surrogates, sent through the dispatcher as the sysadmin and as a host.
 */
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import type { OperationName } from '../../shared/contract/names';
import { OPERATIONS } from '../../shared/contract/operations';
import {
  companyApp,
  newRequest,
  pendingStep,
  submitted,
  USER_PASSWORD,
  type TestApp,
  type Reception,
} from '../test-support';
import { samplePdf } from '../domains/attachments/test-files';

const HOSTILE = [
  '\u0000Sales',
  'Sa\u0000les',
  'Evil\u202Egnp.exe',
  '\u2066x\u2069',
  '\uD800',
  'x\uDC00y',
  'a\u0085b\u007F',
];

type Path = string[];

/** The paths of the string leaves of an operation's input (array items as index 0). */
function stringPaths(schema: z.ZodType): Path[] {
  const out: Path[] = [];
  const walk = (s: unknown, path: Path) => {
    if (typeof s !== 'object' || s === null) return;
    const node = s as Record<string, unknown>;
    const type = node.type;
    if (type === 'string' || (Array.isArray(type) && type.includes('string'))) out.push(path);
    if (node.properties && typeof node.properties === 'object') {
      for (const [k, v] of Object.entries(node.properties)) walk(v, [...path, k]);
    }
    if (node.items) walk(node.items, [...path, '0']);
    for (const k of ['anyOf', 'oneOf', 'allOf']) {
      if (Array.isArray(node[k])) for (const v of node[k] as unknown[]) walk(v, path);
    }
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), []);
  return out;
}

/** The sample has every object on the way to the path's leaf (the leaf itself may be absent). */
function reaches(sample: unknown, path: Path): boolean {
  let node: unknown = sample;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'object' && node !== null && path[path.length - 1]! in node;
}

/**
 * Inputs that are unions (a booking of a car or of a room; a resource that is a hotel or a
 * driver): one valid sample per member, so that every member's string fields are tried.
 */
function variants(requestId: number): Partial<Record<OperationName, unknown[]>> {
  const resource = (resource: unknown) => ({ id: null, version: null, resource });
  const booking = (detail: unknown) => ({
    id: null,
    version: null,
    requestId,
    needKey: 'pickup',
    status: 'tentative',
    detail,
  });
  return {
    'exports.start': [
      {
        format: 'xlsx',
        filter: {
          source: 'expenses',
          period: {
            from: '2026-12-01',
            to: '2026-12-31',
            tier: 'B',
            category: 'meals',
            status: 'open',
          },
        },
      },
      {
        format: 'csv',
        filter: {
          source: 'requests',
          list: {
            scope: 'mine',
            statuses: ['filed'],
            tiers: ['B'],
            fromDate: '2026-12-01',
            toDate: '2026-12-31',
            search: '华东',
            sort: 'updated_desc',
          },
        },
      },
      { format: 'xlsx', filter: { source: 'bookings', from: '2026-12-01', to: '2026-12-07' } },
      { format: 'csv', filter: { source: 'visitors', day: '2026-12-01' } },
    ],
    'bookings.saveResource': [
      resource({ kind: 'vehicle', plate: '京A12345', model: '帕萨特', seats: 4 }),
      resource({ kind: 'driver', name: '赵师傅', phone: '13900001111', licenceClass: 'C1' }),
      resource({ kind: 'room', name: '一号', place: '3楼', capacity: 6, equipment: ['projector'] }),
      resource({
        kind: 'hotel',
        name: '锦江宾馆',
        star: 4,
        address: '长安街 1 号',
        phone: '010 6552 9988',
        roomTypes: [{ name: '标准间', priceFen: 45_000 }],
      }),
      resource({
        kind: 'restaurant',
        name: '老房子',
        address: '湖滨路',
        phone: '0571 8888 6666',
        perHeadFen: 9_000,
        privateRooms: [{ name: '牡丹厅', capacity: 10 }],
      }),
      resource({ kind: 'supply', name: '茶叶', unit: '盒', stock: 3 }),
    ],
    'bookings.save': [
      booking({
        kind: 'car',
        carKind: 'pickup',
        vehicleId: 1,
        driverId: 2,
        from: '首都机场',
        to: '公司',
        passengers: 2,
        transportNo: 'CA1234',
        startDate: '2026-12-01',
        startTime: '09:00',
        endDate: '2026-12-01',
        endTime: '10:00',
      }),
      booking({
        kind: 'room',
        roomId: 3,
        attendees: 3,
        setup: [{ item: 'tea', responsible: '小李', done: false }],
        startDate: '2026-12-01',
        startTime: '09:00',
        endDate: '2026-12-01',
        endTime: '10:00',
      }),
      booking({
        kind: 'hotel',
        hotelId: 4,
        roomType: '标准间',
        rooms: 1,
        checkInDate: '2026-12-01',
        nights: 1,
        payer: 'visitor',
      }),
      booking({
        kind: 'restaurant',
        restaurantId: 5,
        privateRoom: '牡丹厅',
        meal: 'lunch',
        date: '2026-12-01',
        time: '12:00',
        covers: 3,
        perHeadFen: 9_000,
      }),
      booking({
        kind: 'ticket',
        mode: 'rail',
        travellers: '陈立、Anna',
        from: '北京',
        to: '上海',
        departDate: '2026-12-02',
        departTime: '15:00',
        number: 'G102',
        priceFen: 55_300,
        ticketStatus: 'to_book',
      }),
      booking({ kind: 'supply', date: '2026-12-01', items: [{ supplyId: 6, quantity: 1 }] }),
    ],
  };
}

function withValue(sample: unknown, path: Path, value: string): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) {
      throw new Error(`the sample has no ${path.join('.')}`);
    }
    node = next as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
}

/** A valid input of each operation with string fields (each array with at least one item). */
async function samples(t: TestApp, r: Reception): Promise<Partial<Record<OperationName, unknown>>> {
  const request = await submitted(t, r);
  const step = pendingStep(request);
  const draft = await t.ok('requests.saveDraft', newRequest(), r.host.token);
  const policy = await t.ok('policy.get', {}, r.admin.token);
  const body = newRequest({
    tierOverrideReason: '客户级别调整',
    itinerary: [
      { date: '2026-12-01', time: '10:00', activity: '参观', place: '一号楼', owner: '' },
    ],
    needs: { ...newRequest().body.needs, equipment: ['projector'] },
    budget: [{ category: 'meals', amountFen: 100, reason: '' }],
    retroactiveReason: '',
  });
  return {
    'setup.createAdmin': {
      companyName: 'X',
      login: 'second',
      displayName: 'X',
      password: 'long enough 1',
    },
    'auth.login': { login: 'nobody', password: 'wrong password' },
    'auth.unlock': { password: USER_PASSWORD },
    'auth.changePassword': { currentPassword: 'wrong password', newPassword: 'new password 1' },
    'auth.setLanguage': { language: 'en' },
    'users.create': {
      login: 'fuzzed',
      displayName: '模糊',
      departmentId: null,
      roles: ['host'],
      password: 'long enough 1',
      phone: '',
    },
    'approvals.impact': {
      change: { userId: r.head.userId, disabled: false, roles: ['dept_head'] },
    },
    'users.update': {
      id: r.office.userId,
      displayName: '刘行政',
      departmentId: null,
      roles: ['admin_office'],
      disabled: false,
      phone: '',
    },
    'users.resetPassword': { id: r.office.userId, password: 'long enough 1' },
    'departments.create': { name: '市场部', headUserId: null },
    'departments.update': { id: r.departmentId, name: '销售部', headUserId: r.head.userId },
    'audit.list': { operation: 'x', entityType: 'x', search: 'x' },
    'sessions.list': { after: { live: false, atMs: 1, id: '0123456789abcdef' } },
    'sessions.revoke': { id: '0123456789abcdef' },
    'settings.update': { companyName: '示例', timeZone: 'Asia/Shanghai', idleLockMinutes: 15 },
    'setup.importTemplate': { language: 'en' },
    'setup.importPreview': {
      fileName: '员工.csv',
      data: Buffer.from('登录名,姓名\nzhang,张三\n').toString('base64'),
    },
    'setup.import': {
      fileName: '员工.csv',
      rows: [
        {
          line: 2,
          login: 'zhang',
          displayName: '张三',
          department: '销售部',
          roles: '接待负责人',
          head: '否',
          password: 'long enough 1',
        },
      ],
    },
    'setup.passwordSheet': {
      language: 'zh-CN',
      rows: [{ login: 'zhang', displayName: '张三', password: 'long enough 1' }],
    },
    'policy.update': { policy: policy.policy, note: '调整' },
    'requests.preview': { id: null, body: body.body },
    'requests.saveDraft': body,
    'requests.submit': body,
    'requests.cancel': { id: draft.id, version: draft.version, reason: '取消' },
    'requests.deleteDraft': { id: draft.id, version: draft.version },
    'requests.list': {
      scope: 'mine',
      statuses: ['draft'],
      tiers: ['C'],
      fromDate: '2026-01-01',
      toDate: '2026-12-31',
      search: 'x',
      sort: 'arrival_desc',
      after: { key: '2026-06-01', id: 1 },
    },
    'approvals.decide': { stepId: step.id, version: step.version, action: 'reject', comment: 'x' },
    'approvals.transfer': {
      stepId: step.id,
      version: step.version,
      toUserId: r.executive.userId,
      comment: 'x',
    },
    'approvals.comment': { requestId: request.id, comment: 'x' },
    'approvals.reassign': {
      stepId: step.id,
      version: step.version,
      toUserId: r.head.userId,
      reason: 'x',
    },
    'delegations.create': {
      delegateUserId: r.executive.userId,
      fromDate: '2026-12-01',
      toDate: '2026-12-02',
    },
    'attachments.list': { ownerType: 'request', ownerId: request.id },
    'bookings.resources': { kind: 'vehicle', includeInactive: false },
    'bookings.toPlan': { cursor: '2026-12-01:1' },
    'bookings.setStatus': { id: 1, version: 1, status: 'cancelled' },
    'bookings.free': {
      startDate: '2026-12-01',
      startTime: '09:00',
      endDate: '2026-12-01',
      endTime: '10:00',
      passengers: 2,
      attendees: 2,
      equipment: ['projector'],
    },
    'bookings.calendar': { resourceKind: 'room', from: '2026-12-01', days: 7 },
    'bookings.day': { date: '2026-12-01' },
    'frontdesk.board': { day: '2026-12-01' },
    'exports.download': { jobId: '0123456789abcdef0123456789abcdef' },
    'frontdesk.checkIn': {
      requestId: request.id,
      walkInId: null,
      guests: [{ seq: 0, badgeNo: '1', idType: 'passport', idLast4: '1234', consent: true }],
      overrideReason: '部长确认',
      watchOverrideReason: '已核实',
    },
    'frontdesk.checkOut': { guestIds: [1], atMs: null },
    'frontdesk.onSite': { arrivedBefore: '2026-12-01' },
    'frontdesk.saveSettings': {
      noticeEnabled: true,
      noticeZh: '告知',
      noticeEn: 'Notice',
      retentionDays: 180,
    },
    'frontdesk.registerWalkIn': {
      name: '张三',
      orgName: '某公司',
      phone: '13800138000',
      hostUserId: r.host.userId,
      purpose: '送资料',
    },
    'frontdesk.walkIns': { day: '2026-12-01' },
    'frontdesk.walkIn': { id: 1 },
    'frontdesk.answerWalkIn': { id: 1, version: 1, accept: true, comment: '好' },
    'frontdesk.hosts': { query: '王' },
    'frontdesk.watchlist': { includeInactive: true },
    'frontdesk.saveWatch': {
      id: null,
      version: null,
      entry: {
        kind: 'person',
        name: '张三',
        orgName: '',
        phone: '13800138000',
        idNumber: '',
        reason: '曾冒用他人名义',
      },
    },
    'frontdesk.setWatchActive': { id: 1, version: 1, active: false },
    'frontdesk.suggestVisitors': { query: 'zs' },
    'expenses.saveAdvance': {
      requestId: request.id,
      id: null,
      version: null,
      amountFen: 10_000,
      purpose: '接待期间餐费',
    },
    'expenses.issueAdvance': { id: 1, version: 1, issuedOn: '2026-11-27', method: 'cash' },
    'expenses.advances': { status: 'approved', after: { key: 'x', id: 1 }, limit: 50 },
    // Finance's reads (issue 12): the queue, the period report, its lines, the dashboard.
    'expenses.reconciliations': { status: 'approving', after: { key: 1, id: 1 }, limit: 10 },
    'expenses.report': {
      period: {
        from: '2026-01-01',
        to: '2026-12-31',
        tier: 'B',
        category: 'meals',
        status: 'settled',
      },
      groupBy: 'department',
    },
    'expenses.lines': {
      period: {
        from: '2026-01-01',
        to: '2026-12-31',
        tier: 'B',
        category: 'meals',
        status: 'settled',
      },
      after: { key: '2026-06-01', id: 1 },
    },
    'expenses.dashboard': {
      period: {
        from: '2026-01-01',
        to: '2026-12-31',
        tier: 'B',
        category: 'meals',
        status: 'settled',
      },
    },
    'attachments.upload': {
      ownerType: 'request',
      ownerId: request.id,
      fileName: '邀请函.pdf',
      dataBase64: samplePdf().toString('base64'),
    },
    // Reconciliation (issue 12): finance returns a line of a reconciliation at its step; the
    // sysadmin reopens a settled visit.
    'expenses.returnLine': {
      stepId: step.id,
      version: step.version,
      lineId: 1,
      reason: '发票抬头不符',
    },
    'expenses.reopen': { requestId: request.id, reason: '发票金额有误，需更正' },
    'expenses.saveLine': {
      requestId: request.id,
      id: null,
      version: null,
      line: {
        category: 'meals',
        spentOn: '2026-12-01',
        vendor: '海底捞',
        amountFen: 30_000,
        invoiceType: 'electronic',
        invoiceNo: '26312000000012345678',
        noInvoiceReason: '发票遗失',
        paidBy: 'advance',
        bookingId: null,
        visitors: 2,
        companions: 1,
        attendeesReason: '一位来宾未到',
        note: '午餐',
      },
    },
    'expenses.grantException': { lineId: 1, version: 1, kind: 'over_cap', reason: '重要客户' },
    'backups.restore': { id: '20261202T160546123Z.manual.3fa1.db' },
    'backups.recover': { id: '20261202T160546123Z.daily.3fa1.db' },
  };
}

/** Calls that can sign the caller out or lock the account go last. */
const lastly = (name: string) => (name.startsWith('auth.') || name.startsWith('setup.') ? 1 : 0);

describe('hostile text in every string field', () => {
  it('never gets an INTERNAL answer, as the sysadmin or as a host', async () => {
    const { t, r } = await companyApp();
    const inputs = await samples(t, r);
    const unions = variants((await submitted(t, r)).id);
    const names = (Object.keys(OPERATIONS) as OperationName[]).sort(
      (a, b) => lastly(a) - lastly(b),
    );
    const internal: string[] = [];
    let calls = 0;
    for (const name of names) {
      const paths = stringPaths(OPERATIONS[name].input);
      if (paths.length === 0) continue;
      const options = unions[name] ?? [inputs[name]];
      for (const sample of options) {
        expect(
          OPERATIONS[name].input.safeParse(sample).success,
          `a valid sample input for ${name}: ${JSON.stringify(sample)}`,
        ).toBe(true);
      }
      for (const path of paths) {
        const sample = options.find((o) => reaches(o, path));
        if (sample === undefined) throw new Error(`no sample of ${name} has ${path.join('.')}`);
        for (const value of HOSTILE) {
          const input = withValue(sample, path, value);
          for (const token of [r.admin.token, r.host.token]) {
            const outcome = await t.call(name, input, token);
            calls++;
            if (!outcome.result.ok && outcome.result.error.code === 'INTERNAL') {
              internal.push(`${name} ${path.join('.')} ${JSON.stringify(value)}`);
            }
          }
        }
      }
    }
    expect(internal).toEqual([]);
    expect(calls).toBeGreaterThan(500);
    // Over a thousand calls: on PostgreSQL (a round trip per statement) about 16 s alone.
  }, 60_000);
});
