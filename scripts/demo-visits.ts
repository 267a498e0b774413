import { PNG } from 'pngjs';
import type { App } from '../main/api/dispatcher';
import { dispatch } from '../main/api/dispatcher';
import type { OperationName } from '../shared/contract/names';
import type { OpInput, OpOutput } from '../shared/contract/operations';
import { addDays, companyDate, startOfCompanyDay } from '../shared/dates';
import type { LineInput } from '../shared/expenses';
import type { Tier } from '../shared/policy';
import { emptyRequestBody, type RequestBody } from '../shared/requests';

/**
 * The demo company's visits of the last three months, today's and the next week's, made through
 * the same operations people use, at the times they would have used them (the clock is moved back
 * for each step): requests submitted and approved, visitors checked in and out, advances, expense
 * lines with receipts, reconciliations in every state. So the board, the approvals, the finance
 * queue and the dashboard open with something to show.
 */

const TZ = 'Asia/Shanghai';
const HOUR = 3_600_000;

/** Who does what in the demo (logins of scripts/demo-data.ts). */
export interface DemoCast {
  password: (login: string) => string;
}

const ORGS: { name: string; category: RequestBody['orgCategory']; tier: Tier }[] = [
  { name: '华东精密仪器有限公司', category: 'client', tier: 'C' },
  { name: '苏州新材料科技股份有限公司', category: 'key_client', tier: 'B' },
  { name: '上海市经济和信息化委员会', category: 'government', tier: 'A' },
  { name: '宁波恒达机械配件厂', category: 'supplier', tier: 'D' },
  { name: '杭州云帆信息技术有限公司', category: 'prospect', tier: 'B' },
  { name: '无锡华瑞电子有限公司', category: 'client', tier: 'C' },
  { name: 'Müller Automation GmbH', category: 'partner', tier: 'C' },
];

const VISITORS = ['陈立', '周敏', '吴刚', '郑洁', '冯涛', 'Anna Müller', '褚红', '卫东'];

class DemoError extends Error {}

/** A tiny real PNG (a receipt's photo): the attachments module checks files by their content. */
function receiptPng(seed: number): string {
  const png = new PNG({ width: 24, height: 32 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = 240;
    png.data[i + 1] = 240 - ((i / 4 + seed) % 40);
    png.data[i + 2] = 230;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png).toString('base64');
}

/**
 * Runs the demo's visits against `app` (whose users exist). `nowMs`: the real now; nothing is
 * done later than it.
 */
export async function seedDemoVisits(app: App, cast: DemoCast, nowMs: number): Promise<number> {
  let clockMs = nowMs;
  const timed: App = { ...app, clock: () => clockMs };
  const tokens = new Map<string, string>();
  let signedInAtMs = 0;

  async function call<N extends OperationName>(
    op: N,
    input: OpInput<N>,
    login: string | null,
  ): Promise<OpOutput<N>> {
    const token = login === null ? null : await tokenOf(login);
    const out = await dispatch(timed, { op, input, token });
    if (!out.result.ok) {
      throw new DemoError(`${op} as ${login ?? '-'}: ${out.result.error.message}`);
    }
    return out.result.value as OpOutput<N>;
  }
  async function tokenOf(login: string): Promise<string> {
    // Sessions lock when idle and end after hours: each simulated day signs everyone in again.
    if (clockMs - signedInAtMs > HOUR) {
      tokens.clear();
      signedInAtMs = clockMs;
    }
    const known = tokens.get(login);
    if (known) return known;
    const out = await dispatch(timed, {
      op: 'auth.login',
      input: { login, password: cast.password(login) },
      token: null,
    });
    if (!out.result.ok || typeof out.session !== 'string') {
      throw new DemoError(`sign-in of ${login} failed`);
    }
    tokens.set(login, out.session);
    return out.session;
  }
  /** Moves the simulated clock to `hour` of `date` (never past the real now). */
  const at = (date: string, hour: number) => {
    clockMs = Math.min(startOfCompanyDay(date, TZ) + hour * HOUR, nowMs);
  };

  /** Decides every step of `requestId`'s approvals (request, advance, reconciliation) it can. */
  async function approveAll(requestId: number, logins: readonly string[]) {
    for (let round = 0; round < 6; round++) {
      let decided = false;
      for (const login of logins) {
        const inbox = await call('approvals.inbox', {}, login);
        for (const item of inbox.filter((i) => i.request.id === requestId)) {
          await call(
            'approvals.decide',
            { stepId: item.step.id, version: item.step.version, action: 'approve', comment: '' },
            login,
          );
          decided = true;
        }
      }
      if (!decided) return;
    }
  }

  const today = companyDate(nowMs, TZ);
  const approvers = ['lina', 'zhenghua', 'zhangwei', 'liuyang', 'zhaomin'];
  const heads = ['lina', 'zhenghua'];
  let made = 0;

  // Past visits: every 6 days over the last 12 weeks, then today's two and next week's two.
  const plan: { arrival: string; org: (typeof ORGS)[number]; people: number }[] = [];
  for (let i = 14; i >= 1; i--) {
    plan.push({
      arrival: addDays(today, -6 * i),
      org: ORGS[i % ORGS.length]!,
      people: 2 + (i % 4),
    });
  }
  plan.push({ arrival: today, org: ORGS[0]!, people: 3 });
  plan.push({ arrival: today, org: ORGS[1]!, people: 2 });
  plan.push({ arrival: addDays(today, 3), org: ORGS[4]!, people: 4 });
  plan.push({ arrival: addDays(today, 5), org: ORGS[5]!, people: 2 });

  for (const [n, v] of plan.entries()) {
    const host = n % 3 === 2 ? 'zhouqiang' : 'wangfang';
    const past = v.arrival < today;
    const visitors = VISITORS.slice(0, v.people).map((name, i) => ({
      name,
      title: i === 0 ? '总监' : '工程师',
      phone: i === 0 ? `1380013${String(8000 + n).padStart(4, '0')}` : '',
      idType: null,
      idNumber: '',
      notes: '',
    }));
    const base = emptyRequestBody();
    const abTier = v.org.tier === 'A' || v.org.tier === 'B';
    const body: RequestBody = {
      ...base,
      orgName: v.org.name,
      orgCategory: v.org.category,
      tier: v.org.tier,
      purpose: '商务洽谈，参观生产线',
      arrivalDate: v.arrival,
      arrivalTime: '09:30',
      departureDate: v.arrival,
      departureTime: '16:30',
      visitors,
      companions: [{ userId: null, name: '销售经理' }],
      needs: {
        ...base.needs,
        pickup: v.org.tier !== 'D',
        pickupPlace: v.org.tier !== 'D' ? '虹桥火车站' : '',
        meetingRoom: true,
        meals: [{ date: v.arrival, meal: 'lunch', perHeadFen: null }],
        mealPayer: 'company',
        gifts: abTier,
      },
    };
    at(addDays(v.arrival, -3), 9);
    const dossier = await call(
      'requests.submit',
      { id: null, version: null, body } as OpInput<'requests.submit'>,
      host,
    );
    const id = dossier.id;
    made++;
    at(addDays(v.arrival, -2), 10);
    await approveAll(id, approvers);
    // Next week's second visit waits on its approvers.
    if (v.arrival > addDays(today, 4)) continue;

    // An advance on the A and B visits, asked and issued before the visit.
    const advance = abTier && past;
    if (advance) {
      at(addDays(v.arrival, -2), 14);
      // Most of what the policy allows (its share of the approved budget), in whole hundreds.
      const before = await call('expenses.visit', { requestId: id }, host);
      const limitFen = Math.floor((before.budget.budgetFen * before.advanceShareBp) / 10_000);
      const amountFen = Math.floor((limitFen * 0.9) / 10_000) * 10_000;
      if (amountFen > 0) {
        await call(
          'expenses.saveAdvance',
          { requestId: id, id: null, version: null, amountFen, purpose: '接待餐费、礼品备用金' },
          host,
        );
      }
      at(addDays(v.arrival, -1), 10);
      await approveAll(id, approvers);
      const money = await call('expenses.visit', { requestId: id }, 'zhaomin');
      for (const a of money.advances.filter((x) => x.status === 'approved')) {
        await call(
          'expenses.issueAdvance',
          {
            id: a.id,
            version: a.version,
            issuedOn: addDays(v.arrival, -1),
            method: 'bank_transfer',
          },
          'zhaomin',
        );
      }
    }
    if (!past) continue;

    // The visit: everyone checked in at the desk, and out in the afternoon.
    at(v.arrival, 9.5);
    await call(
      'frontdesk.checkIn',
      {
        requestId: id,
        walkInId: null,
        guests: visitors.map((_g, seq) => ({
          seq,
          badgeNo: String(seq + 1),
          idType: null,
          idLast4: '',
          consent: true,
        })),
        overrideReason: '',
        watchOverrideReason: '',
      },
      'chenjing',
    );
    at(v.arrival, 16.5);
    const board = await call('frontdesk.board', { day: v.arrival }, 'chenjing');
    const guestIds = (board.visits.find((b) => b.requestId === id)?.guests ?? []).flatMap((g) =>
      g.guestId === null ? [] : [g.guestId],
    );
    if (guestIds.length > 0) {
      await call('frontdesk.checkOut', { guestIds, atMs: null }, 'chenjing');
    }

    // The spend, the next morning: lunch (one B visit over the cap), the car, gifts.
    at(addDays(v.arrival, 1), 10);
    const people = visitors.length + 1;
    const capFen = { A: 15_000, B: 13_000, C: 10_000, D: 2_500 }[v.org.tier];
    const perHead = n === 1 ? capFen + 2_000 : capFen - 500 * (n % 4);
    const lines: LineInput[] = [
      line({
        category: 'meals',
        spentOn: v.arrival,
        vendor: '海底捞（张江店）',
        amountFen: perHead * people,
        invoiceNo: `2631200000${String(n).padStart(4, '0')}0001`,
        paidBy: advance ? 'advance' : 'host',
        visitors: visitors.length,
        companions: 1,
      }),
    ];
    if (v.org.tier !== 'D') {
      lines.push(
        line({
          category: 'vehicles',
          spentOn: v.arrival,
          vendor: '上海强生出租汽车有限公司',
          amountFen: 18_600,
          invoiceNo: `2631200000${String(n).padStart(4, '0')}0002`,
          paidBy: 'company_card',
          visitors: visitors.length,
          companions: 1,
        }),
      );
    }
    if (abTier) {
      lines.push(
        line({
          category: 'gifts',
          spentOn: addDays(v.arrival, -1),
          vendor: '老凤祥礼品店',
          amountFen: 30_000 * visitors.length,
          invoiceNo: `2631200000${String(n).padStart(4, '0')}0003`,
          paidBy: advance ? 'advance' : 'host',
          visitors: visitors.length,
          companions: 0,
        }),
      );
    }
    for (const [k, l] of lines.entries()) {
      const money = await call(
        'expenses.saveLine',
        { requestId: id, id: null, version: null, line: l },
        host,
      );
      const saved = money.lines.find((x) => x.invoiceNo === l.invoiceNo);
      if (!saved) continue;
      await call(
        'attachments.upload',
        {
          ownerType: 'expense_line',
          ownerId: saved.id,
          fileName: `发票${k + 1}.png`,
          dataBase64: receiptPng(n * 10 + k),
        },
        host,
      );
    }
    // Visits of the last week wait for their host to submit.
    if (v.arrival >= addDays(today, -7)) continue;
    const money = await call('expenses.visit', { requestId: id }, host);
    await call(
      'expenses.submit',
      {
        requestId: id,
        version: money.reconciliation.id === null ? null : money.reconciliation.version,
      },
      host,
    );
    at(addDays(v.arrival, 2), 10);
    // The fortnight before: confirmed by the head, waiting in finance's queue.
    await approveAll(id, v.arrival >= addDays(today, -14) ? heads : approvers);
  }
  return made;
}

function line(l: Partial<LineInput>): LineInput {
  return {
    category: 'meals',
    spentOn: '',
    vendor: '',
    amountFen: 0,
    invoiceType: 'electronic',
    invoiceNo: '',
    noInvoiceReason: '',
    paidBy: 'host',
    bookingId: null,
    visitors: 1,
    companions: 0,
    attendeesReason: '',
    note: '',
    ...l,
  };
}
