import { describe, expect, it } from 'vitest';
import {
  companyApp,
  decideAs,
  drafted,
  listOrders,
  MINUTE,
  newRequest,
  signedInUser,
  submitted,
  type SortValues,
  type TestApp,
} from '../../test-support';
import type { Reception } from '../../test-support';
import type { ListCursor, Page } from '../../../shared/contract/types';
import type { RequestListItem } from '../../../shared/requests/views';
import type { RequestBody } from '../../../shared/requests/schema';

/**
 * 本部门接待 (issue 9, item 4): the head of a department lists its submitted requests, and only he
 * (the person set as its head, not the dept_head role); his drafts stay his host's.
 */

/** The reception company plus 市场部: its head 周经理 and its host 赵接待. */
async function twoDepartments() {
  const { t, r } = await companyApp();
  const boss = await signedInUser(t, r.admin.token, {
    login: 'boss',
    displayName: '周经理',
    roles: ['dept_head'],
  });
  const market = await t.ok(
    'departments.create',
    { name: '市场部', headUserId: boss.userId },
    r.admin.token,
  );
  const host2 = await signedInUser(t, r.admin.token, {
    login: 'host2',
    displayName: '赵接待',
    roles: ['host'],
    departmentId: market.id,
  });
  const submitIn2 = (overrides: Partial<RequestBody>) =>
    t.ok('requests.submit', newRequest(overrides), host2.token);
  return { t, r, boss, market, host2, submitIn2 };
}

const ids = async (t: TestApp, token: string, f: Record<string, unknown> = {}) =>
  (await t.ok('requests.list', { scope: 'department', ...f }, token)).items.map((i) => i.id);

/** Makes `to` the head of the department (as the admin). */
async function setHead(t: TestApp, r: Reception, id: number, name: string, to: number) {
  await t.ok('departments.update', { id, name, headUserId: to }, r.admin.token);
}

describe('requests.list, scope department', () => {
  it("lists the head's department's submitted requests: not drafts, not other departments", async () => {
    const { t, r, boss, submitIn2 } = await twoDepartments();
    const sent = await submitted(t, r, { orgName: '华东精密' });
    t.advance(MINUTE);
    const returned = await submitted(t, r, { orgName: '上海电气' });
    await decideAs(t, r.head.token, returned.id, 'return', '请补充');
    t.advance(MINUTE);
    await drafted(t, r, { orgName: '草稿单位' });
    const dropped = await drafted(t, r, { orgName: '作废草稿' });
    await t.ok(
      'requests.cancel',
      { id: dropped.id, version: dropped.version, reason: '不需要了' },
      r.host.token,
    );
    const theirs = await submitIn2({ orgName: '苏州工业园' });

    const page = await t.ok('requests.list', { scope: 'department' }, r.head.token);
    expect(page.items.map((i) => i.id)).toEqual([returned.id, sent.id]);
    expect(page.items.map((i) => i.departmentName)).toEqual(['销售部', '销售部']);
    // From the per-department counters: no rows counted.
    expect(page.total).toEqual({ count: 2, atLeast: false });
    expect(await ids(t, boss.token)).toEqual([theirs.id]);
    // The filters work as on the other lists.
    expect(await ids(t, r.head.token, { statuses: ['returned'] })).toEqual([returned.id]);
    expect(await ids(t, r.head.token, { search: '华东' })).toEqual([sent.id]);
    expect(await ids(t, r.head.token, { search: '苏州' })).toEqual([]);
    const searched = await t.ok(
      'requests.list',
      { scope: 'department', search: '精密' },
      r.head.token,
    );
    expect(searched.total).toEqual({ count: 1, atLeast: false });
  });

  it('is FORBIDDEN to whoever heads no department, whatever his roles', async () => {
    const { t, r } = await twoDepartments();
    await submitted(t, r);
    const idle = await signedInUser(t, r.admin.token, {
      login: 'idle-head',
      roles: ['dept_head'],
    });
    for (const token of [r.host.token, r.office.token, r.executive.token, idle.token]) {
      const e = await t.fail('requests.list', { scope: 'department' }, token);
      expect(e).toMatchObject({ code: 'FORBIDDEN', key: 'errors.FORBIDDEN' });
    }
    // An unknown scope is bad input, not a server error.
    const bad = await t.fail('requests.list', { scope: 'team' }, r.head.token);
    expect(bad.code).toBe('INVALID_INPUT');
  });

  it('a head of two departments sees both; a filter narrows to one of his, never another', async () => {
    const { t, r, boss, market, submitIn2 } = await twoDepartments();
    const ours = await submitted(t, r, { orgName: '华东精密' });
    t.advance(MINUTE);
    const theirs = await submitIn2({ orgName: '苏州工业园' });
    await setHead(t, r, market.id, '市场部', r.head.userId);

    expect(await ids(t, r.head.token)).toEqual([theirs.id, ours.id]);
    const both = await t.ok('requests.list', { scope: 'department' }, r.head.token);
    expect(both.total).toEqual({ count: 2, atLeast: false });
    expect(await ids(t, r.head.token, { departmentId: market.id })).toEqual([theirs.id]);
    expect(await ids(t, r.head.token, { departmentId: r.departmentId })).toEqual([ours.id]);
    const office = await t.ok(
      'departments.create',
      { name: '人事行政部', headUserId: null },
      r.admin.token,
    );
    const other = await t.ok(
      'requests.list',
      { scope: 'department', departmentId: office.id },
      r.head.token,
    );
    expect(other).toEqual({ items: [], next: null, total: { count: 0, atLeast: false } });
    // 周经理 heads nothing now: read afresh on every call, not from his session.
    expect((await t.fail('requests.list', { scope: 'department' }, boss.token)).code).toBe(
      'FORBIDDEN',
    );
  });

  it('pages through both departments in every order, on the cursor, as the rows are', async () => {
    const { t, r, market, submitIn2 } = await twoDepartments();
    for (let i = 0; i < 7; i++) {
      const arrivalDate = `2026-12-${String(10 + (i % 3)).padStart(2, '0')}`;
      const body = { orgName: `单位${i}`, arrivalDate, departureDate: '2026-12-20' };
      if (i % 2) await submitted(t, r, body);
      else await submitIn2(body);
      t.advance(MINUTE);
    }
    await drafted(t, r);
    // Budgets with ties: the id breaks them, in the list's direction.
    t.exec('UPDATE requests SET budget_total_fen = (id % 3) * 1000');
    await setHead(t, r, market.id, '市场部', r.head.userId);

    const rows = t.rows<SortValues>(
      `SELECT id, arrival_date AS a, updated_at_ms AS u, budget_total_fen AS b FROM requests
       WHERE department_id IN (?, ?) AND status <> 'draft' AND revision > 0`,
      r.departmentId,
      market.id,
    );
    expect(rows).toHaveLength(7);
    const orders = listOrders(rows);
    for (const sort of ['updated_desc', 'arrival_desc', 'arrival_asc', 'budget_desc'] as const) {
      const seen: number[] = [];
      let after: ListCursor | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page: Page<RequestListItem> = await t.ok(
          'requests.list',
          { scope: 'department', sort, limit: 3, ...(after ? { after } : {}) },
          r.head.token,
        );
        if (pages === 0) expect(page.total).toEqual({ count: 7, atLeast: false });
        else expect(page.total).toBeNull();
        seen.push(...page.items.map((i) => i.id));
        if (!page.next) break;
        after = page.next;
      }
      expect({ sort, seen }).toEqual({ sort, seen: orders[sort] });
    }
  });
});

describe('the dossier of a department request', () => {
  it('opens to its head even when no step of it was his; not its drafts, not to others', async () => {
    const { t, r, boss, market, host2, submitIn2 } = await twoDepartments();
    const theirs = await submitIn2({ orgName: '苏州工业园' });
    await decideAs(t, boss.token, theirs.id, 'approve');
    const draft = await t.ok('requests.saveDraft', newRequest({ orgName: '草稿' }), host2.token);
    // A new head, a plain host by his roles, who never acted on it: only heading lets him in.
    const successor = await signedInUser(t, r.admin.token, {
      login: 'successor',
      displayName: '吴主任',
      roles: ['host'],
      departmentId: market.id,
    });
    expect((await t.fail('requests.get', { id: theirs.id }, successor.token)).code).toBe(
      'NOT_FOUND',
    );
    await setHead(t, r, market.id, '市场部', successor.userId);

    expect(await ids(t, successor.token)).toEqual([theirs.id]);
    const dossier = await t.ok('requests.get', { id: theirs.id }, successor.token);
    expect(dossier.code).toBe(theirs.code);
    expect(dossier.canCancel).toBe(false);
    expect(dossier.myStep).toBeNull();
    expect((await t.fail('requests.get', { id: draft.id }, successor.token)).code).toBe(
      'NOT_FOUND',
    );
    // The head of another department does not read it.
    expect((await t.fail('requests.get', { id: theirs.id }, r.head.token)).code).toBe('NOT_FOUND');
  });
});
