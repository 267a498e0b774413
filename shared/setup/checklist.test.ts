import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy';
import { translate } from '../i18n/translate';
import {
  missingText,
  neededRoles,
  setupChecklist,
  type ChecklistFacts,
  type ChecklistLineKey,
} from './checklist';

const NEEDED = neededRoles(DEFAULT_POLICY.chains);

/** A company that has everything: each case takes one thing away. */
const READY: ChecklistFacts = {
  companyName: '示例科技有限公司',
  timeZone: 'Asia/Shanghai',
  timeZoneConfirmed: true,
  departments: [
    { name: '销售部', hasActiveHead: true },
    { name: '财务部', hasActiveHead: true },
  ],
  activeByRole: { host: 12, dept_head: 2, executive: 1, admin_office: 1, sysadmin: 1 },
  neededRoles: NEEDED,
  policyReviewed: true,
};

const zh = (key: string, params?: Record<string, string | number>) =>
  translate('zh-CN', key, params);

describe('neededRoles', () => {
  it('reads the default chains: host, dept head (all tiers), executive (A, B), admin office', () => {
    expect(NEEDED).toEqual([
      { role: 'host', tiers: [] },
      { role: 'dept_head', tiers: ['A', 'B', 'C', 'D'] },
      { role: 'executive', tiers: ['A', 'B'] },
      { role: 'admin_office', tiers: ['A', 'B', 'C', 'D'] },
    ]);
  });

  it('keeps the executive for the exceptions when no base chain has him, drops him when none is on', () => {
    const base = { A: ['dept_head', 'admin_office'], B: [], C: [], D: [] } as const;
    const chains = (on: boolean) => ({
      base: { A: [...base.A], B: [], C: [], D: [] },
      executiveWhen: {
        budgetOverFen: null,
        companyPaidLodging: on,
        anyOverCap: false,
        tierOverride: false,
      },
    });
    expect(neededRoles(chains(true)).map((n) => n.role)).toEqual([
      'host',
      'dept_head',
      'admin_office',
      'executive',
    ]);
    expect(neededRoles(chains(true)).find((n) => n.role === 'executive')?.tiers).toEqual([]);
    expect(neededRoles(chains(false)).map((n) => n.role)).toEqual([
      'host',
      'dept_head',
      'admin_office',
    ]);
  });
});

describe('setupChecklist', () => {
  const cases: [string, Partial<ChecklistFacts>, Partial<Record<ChecklistLineKey, string[]>>][] = [
    ['a company that has everything', {}, {}],
    [
      'right after the first administrator',
      {
        timeZoneConfirmed: false,
        departments: [],
        activeByRole: { sysadmin: 1 },
        policyReviewed: false,
      },
      {
        company: ['请确认公司时区（当前为 Asia/Shanghai）：在系统设置中保存一次。'],
        departments: ['还没有部门。'],
        roles: [
          '还没有在用的“接待负责人”，没有人能提交接待申请。',
          '还没有在用的“部门负责人”，各类接待的审批需要。',
          '还没有在用的“公司领导”，A 类、B 类接待的审批需要。',
          '还没有在用的“人事行政部”，各类接待的审批需要。',
        ],
        policy: ['请审阅接待标准（餐标、审批流程等）：修改后保存，或确认无需修改。'],
      },
    ],
    ['no company name', { companyName: '  ' }, { company: ['还没有填写公司名称。'] }],
    [
      'two departments without a head',
      {
        departments: [
          { name: '销售部', hasActiveHead: false },
          { name: '财务部', hasActiveHead: false },
          { name: '研发部', hasActiveHead: true },
        ],
      },
      { departments: ['2 个部门没有负责人：销售部、财务部。'] },
    ],
    [
      'seven departments without a head: five named',
      {
        departments: ['一', '二', '三', '四', '五', '六', '七'].map((n) => ({
          name: `${n}部`,
          hasActiveHead: false,
        })),
      },
      { departments: ['7 个部门没有负责人：一部、二部、三部、四部、五部…。'] },
    ],
    [
      'the only executive disabled (not counted)',
      {
        activeByRole: { host: 3, dept_head: 1, admin_office: 1 },
      },
      { roles: ['还没有在用的“公司领导”，A 类、B 类接待的审批需要。'] },
    ],
    [
      'front desk and finance are not needed for filing',
      {
        activeByRole: { host: 1, dept_head: 1, executive: 1, admin_office: 1 },
      },
      {},
    ],
    [
      'the standard not reviewed',
      { policyReviewed: false },
      {
        policy: ['请审阅接待标准（餐标、审批流程等）：修改后保存，或确认无需修改。'],
      },
    ],
  ];

  it.each(cases)('%s', (_, change, missing) => {
    const list = setupChecklist({ ...READY, ...change });
    expect(list.lines.map((l) => l.key)).toEqual(['company', 'departments', 'roles', 'policy']);
    for (const l of list.lines) {
      const texts = l.missing.map((m) => missingText(m, zh));
      expect(texts, l.key).toEqual(missing[l.key] ?? []);
      expect(l.done, l.key).toBe(texts.length === 0);
    }
    expect(list.done).toBe(Object.keys(missing).length === 0);
  });

  it('links each line to the page that fixes it', () => {
    const list = setupChecklist(READY);
    expect(Object.fromEntries(list.lines.map((l) => [l.key, l.to]))).toEqual({
      company: '/settings',
      departments: '/departments',
      roles: '/users',
      policy: '/policy',
    });
  });

  it('reads in English too', () => {
    const list = setupChecklist({
      ...READY,
      departments: [{ name: 'Sales', hasActiveHead: false }],
    });
    const en = (key: string, params?: Record<string, string | number>) =>
      translate('en', key, params);
    expect(list.lines[1]!.missing.map((m) => missingText(m, en))).toEqual([
      '1 department has no head: Sales.',
    ]);
  });
});
