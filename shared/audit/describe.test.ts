import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contract/types';
import { translate, type Language } from '../i18n/translate';
import { describeAuditEntry } from './describe';

const t = (language: Language) => (key: string, params?: Record<string, string | number>) =>
  translate(language, key, params);

type Entry = Parameters<typeof describeAuditEntry>[0];
const entry = (e: Partial<Entry> & Pick<AuditEntry, 'entityType'>): Entry => ({
  operation: 'x.y',
  entityId: null,
  actorUserId: 7,
  actorName: '李娜',
  summary: {},
  ...e,
});

describe('an audit entry in words', () => {
  it.each([
    [
      'a submitted request: by its code, its chain as labels',
      entry({
        operation: 'requests.submit',
        entityType: 'request',
        entityId: '8',
        summary: {
          code: 'JD20261202-002',
          revision: 1,
          tier: 'B',
          policyVersion: 3,
          chain: ['dept_head', 'executive', 'admin_office'],
        },
      }),
      {
        entity: '接待申请 JD20261202-002',
        lines: [
          '申请版次：第 1 版',
          '接待类别：B 类',
          '接待标准版本：第 3 版',
          '审批流程：部门负责人审批 → 公司领导审批 → 人事行政部备案',
        ],
      },
      {
        entity: 'Reception request JD20261202-002',
        lines: [
          'Revision: v1',
          'Tier: Tier B',
          'Policy version: v3',
          'Approval chain: Department head approval → Executive approval → Admin office filing',
        ],
      },
    ],
    [
      'a decision: the step and the action by their labels, the comment as typed',
      entry({
        operation: 'approvals.decide',
        entityType: 'request',
        entityId: '8',
        summary: {
          code: 'JD20261202-002',
          step: 'dept_head',
          action: 'return',
          comment: '请补充行程',
          revision: 2,
        },
      }),
      {
        entity: '接待申请 JD20261202-002',
        lines: [
          '审批环节：部门负责人审批',
          '审批意见：退回',
          '意见：请补充行程',
          '申请版次：第 2 版',
        ],
      },
      {
        entity: 'Reception request JD20261202-002',
        lines: [
          'Step: Department head approval',
          'Decision: Returned',
          'Comment: 请补充行程',
          'Revision: v2',
        ],
      },
    ],
    [
      "the admin office's approval files the request: 备案, not 通过",
      entry({
        operation: 'approvals.decide',
        entityType: 'request',
        entityId: '8',
        summary: { code: 'JD20261202-002', step: 'admin_office', action: 'approve', revision: 1 },
      }),
      {
        entity: '接待申请 JD20261202-002',
        lines: ['审批环节：人事行政部备案', '审批意见：备案', '申请版次：第 1 版'],
      },
      {
        entity: 'Reception request JD20261202-002',
        lines: ['Step: Admin office filing', 'Decision: Filed', 'Revision: v1'],
      },
    ],
    [
      "a head's approval stays 通过",
      entry({
        operation: 'approvals.decide',
        entityType: 'request',
        entityId: '8',
        summary: { code: 'JD20261202-002', step: 'dept_head', action: 'approve' },
      }),
      {
        entity: '接待申请 JD20261202-002',
        lines: ['审批环节：部门负责人审批', '审批意见：通过'],
      },
      {
        entity: 'Reception request JD20261202-002',
        lines: ['Step: Department head approval', 'Decision: Approved'],
      },
    ],
    [
      'an entry written before codes were kept: the id',
      entry({ entityType: 'request', entityId: '8', summary: { comment: 'ok' } }),
      { entity: '接待申请 #8', lines: ['意见：ok'] },
      { entity: 'Reception request #8', lines: ['Comment: ok'] },
    ],
    [
      'a rerouted step that now waits for the pool',
      entry({
        entityType: 'request',
        entityId: '3',
        summary: { code: 'JD20260101-001', step: 'executive', reroutedFrom: '王强', to: 'pool' },
      }),
      {
        entity: '接待申请 JD20260101-001',
        lines: [
          '审批环节：公司领导审批',
          '原审批人：王强',
          '现审批人：该角色的所有人员（未指定审批人）',
        ],
      },
      {
        entity: 'Reception request JD20260101-001',
        lines: [
          'Step: Executive approval',
          'Was waiting on: 王强',
          'Now waiting on: anyone with the role (no one assigned)',
        ],
      },
    ],
    [
      'a cancelled request: the status it was in',
      entry({
        entityType: 'request',
        entityId: '3',
        summary: { code: 'JD20260101-001', from: 'approving', reason: '客户改期' },
      }),
      { entity: '接待申请 JD20260101-001', lines: ['原状态：审批中', '原因：客户改期'] },
      {
        entity: 'Reception request JD20260101-001',
        lines: ['Status before: In approval', 'Reason: 客户改期'],
      },
    ],
    [
      'a sign-in: whose, not a session number; the desktop app as a client',
      entry({
        operation: 'auth.login',
        entityType: 'session',
        entityId: '7',
        summary: { login: 'lina', client: 'local-app' },
      }),
      { entity: '登录（李娜）', lines: ['登录名：lina', '客户端：本机桌面应用'] },
      { entity: 'Sign-in (李娜)', lines: ['Login: lina', 'Client: this computer’s desktop app'] },
    ],
    [
      'a sign-in whose client the log shows beside it: not repeated in the details',
      entry({
        operation: 'auth.login',
        entityType: 'session',
        entityId: '7',
        summary: { login: 'lina', client: '10.0.0.5' },
        client: '10.0.0.5',
      }),
      { entity: '登录（李娜）', lines: ['登录名：lina'] },
      { entity: 'Sign-in (李娜)', lines: ['Login: lina'] },
    ],
    [
      'a session ended by an administrator: whose, and where it was signed in from',
      entry({
        operation: 'sessions.revoke',
        entityType: 'session',
        entityId: '0123456789abcdef',
        actorUserId: 1,
        actorName: '王管理',
        summary: { login: 'sun', displayName: '孙接待', signedInFrom: 'local-app' },
        client: '10.0.0.9',
      }),
      { entity: '登录（孙接待）', lines: ['登录名：sun', '会话登录地址：本机桌面应用'] },
      {
        entity: 'Sign-in (孙接待)',
        lines: ['Login: sun', 'Session signed in from: this computer’s desktop app'],
      },
    ],
    [
      'a session of before addresses were kept, and a call that named no client',
      entry({
        operation: 'sessions.revoke',
        entityType: 'session',
        entityId: '0123456789abcdef',
        summary: { login: 'sun', displayName: '孙接待', signedInFrom: null },
      }),
      { entity: '登录（孙接待）', lines: ['登录名：sun', '会话登录地址：无'] },
      { entity: 'Sign-in (孙接待)', lines: ['Login: sun', 'Session signed in from: None'] },
    ],
    [
      'a failed sign-in from a caller the transport did not name',
      entry({
        entityType: 'user',
        entityId: '9',
        actorUserId: null,
        actorName: null,
        summary: { failedAttempt: 1, login: 'wq', client: 'unknown' },
      }),
      { entity: '用户 wq', lines: ['密码错误：第 1 次', '客户端：未记录'] },
      { entity: 'User wq', lines: ['Wrong password: attempt 1', 'Client: not recorded'] },
    ],
    [
      'a lock: a fact, not "locked: true"',
      entry({ entityType: 'session', entityId: '7', summary: { locked: true } }),
      { entity: '登录（李娜）', lines: ['已锁定屏幕'] },
      { entity: 'Sign-in (李娜)', lines: ['Screen locked'] },
    ],
    [
      'a language change of one’s own account',
      entry({ entityType: 'user', entityId: '7', summary: { language: 'en' } }),
      { entity: '用户（李娜）', lines: ['语言：英文'] },
      { entity: 'User (李娜)', lines: ['Language: English'] },
    ],
    [
      'a user edited: each change from → to, roles by their labels',
      entry({
        entityType: 'user',
        entityId: '9',
        summary: {
          login: 'wq',
          changes: {
            roles: { from: ['host'], to: ['host', 'finance'] },
            disabled: { from: false, to: true },
          },
        },
      }),
      {
        entity: '用户 wq',
        lines: ['角色：接待负责人 → 接待负责人、财务', '已停用：否 → 是'],
      },
      {
        entity: 'User wq',
        lines: ['Roles: Host → Host, Finance', 'Disabled: No → Yes'],
      },
    ],
    [
      'a failed sign-in',
      entry({
        entityType: 'user',
        entityId: '9',
        actorUserId: null,
        actorName: null,
        summary: { failedAttempt: 2, login: 'wq', client: '127.0.0.1' },
      }),
      { entity: '用户 wq', lines: ['密码错误：第 2 次', '客户端：127.0.0.1'] },
      { entity: 'User wq', lines: ['Wrong password: attempt 2', 'Client: 127.0.0.1'] },
    ],
    [
      'a policy edit: the version',
      entry({ entityType: 'policy', entityId: '4', summary: { from: 3, note: '餐标上调' } }),
      { entity: '接待标准 第 4 版', lines: ['修改自：第 3 版', '修改说明：餐标上调'] },
      { entity: 'Reception policy v4', lines: ['Edited from: v3', 'Note: 餐标上调'] },
    ],
    [
      'notifications marked read: how many',
      entry({ entityType: 'notification', summary: { ids: [4, 5, 6] } }),
      { entity: '通知', lines: ['标为已读：3 条'] },
      { entity: 'Notification', lines: ['Marked read: 3 items'] },
    ],
    [
      'an unknown key and an unknown value show as they are, not as a catalog key',
      entry({ entityType: 'widget', entityId: '2', summary: { colour: 'teal', step: 'mystery' } }),
      { entity: 'widget #2', lines: ['colour：teal', '审批环节：mystery'] },
      { entity: 'widget #2', lines: ['colour: teal', 'Step: mystery'] },
    ],
  ] as const)('%s', (_, e, zh, en) => {
    expect(describeAuditEntry(e, t('zh-CN'))).toEqual(zh);
    expect(describeAuditEntry(e, t('en'))).toEqual(en);
  });
});
