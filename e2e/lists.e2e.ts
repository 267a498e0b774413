import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../shared/contract/operations';
import {
  count,
  screenshotFailures,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import { expectAccessible } from './support/axe';
import {
  addDays,
  decideApi,
  go,
  listLinks,
  openAs,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
} from './support/requests';

/** More requests than two pages of the list (100 each): the third page is a short one. */
const REQUESTS = 230;

/** The list's scrolling element (antd's virtual body). */
const holder = (page: Page) => page.locator('.ant-table-tbody-virtual-holder');
/** The rows drawn (only those near the viewport are). */
const bodyRows = (page: Page) => page.locator('.ant-table-tbody [role="row"]');
const total = (page: Page) => page.getByTestId('list-total');

/** The inputs of every call the page makes to `op`, as they happen. */
function recordCalls<N extends 'requests.list' | 'audit.list'>(page: Page, op: N): OpInput<N>[] {
  const inputs: OpInput<N>[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().endsWith(`/api/${op}`)) return;
    const input = r.postDataJSON() as OpInput<N>;
    // The home page's count tiles ask for one row (limit 1): on a busy machine the tile of the
    // page the journey just left can still be loading. Only the list's own pages count here.
    if ((input as { limit?: number }).limit === 1) return;
    inputs.push(input);
  });
  return inputs;
}

/** The highest row position (aria-rowindex: the header is 1) among the rows drawn. */
async function lastRowIndex(page: Page): Promise<number> {
  return holder(page).evaluate((el) =>
    Math.max(
      0,
      ...[...el.querySelectorAll('[role="row"]')].map((r) =>
        Number(r.getAttribute('aria-rowindex')),
      ),
    ),
  );
}

/** Scrolls the list to its end, again and again, until `rows` rows have been drawn. */
async function scrollThrough(page: Page, rows: number) {
  await expect
    .poll(
      async () => {
        await holder(page).evaluate((el) => {
          el.scrollTop = el.scrollHeight;
        });
        return lastRowIndex(page);
      },
      { timeout: UI_TIMEOUT, interval: 100 },
    )
    .toBeGreaterThanOrEqual(rows + 1);
}

/**
 * 全部接待, 我的接待申请 and the audit log are one scrolling list each over every matching row,
 * read a page at a time on the server's cursor as the reader scrolls: the pages follow one
 * another on the previous page's `next`, the count says how many there are, an event refreshes
 * the loaded rows without moving the list or losing what is typed, and the rows stay reachable
 * from the keyboard.
 */
describe('long lists', () => {
  let j: Journey;
  let c: Company;
  const ids: number[] = [];

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const d0 = today();
    for (let i = 1; i <= REQUESTS; i++) {
      const d = await submitApi(
        j.url,
        c.people.host,
        requestBody(c.departments.sales, {
          orgName: `来访单位第${i}号`,
          arrivalDate: addDays(d0, 3 + (i % 90)),
        }),
      );
      ids.push(d.id);
    }
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('全部接待 reads the following pages as the office scrolls down, on the previous next', async () => {
    const office = await openAs(j, c.people.office);
    const calls = recordCalls(office, 'requests.list');
    // An address from the paged list still opens, at the top.
    await go(office, '/requests/all?page=3');
    await visible(office.getByRole('table', { name: zh('requestAdmin.all.title') }));
    await visible(listLinks(office));
    await expect
      .poll(() => total(office).innerText(), { timeout: UI_TIMEOUT })
      .toBe(zh('common.total', { total: REQUESTS }));
    expect(calls).toHaveLength(1);
    expect(calls[0]).not.toHaveProperty('after');
    expect(calls[0]).not.toHaveProperty('offset');

    // The wheel, as a person scrolls: the second page comes before the end of the first.
    await holder(office).hover();
    await expect
      .poll(
        async () => {
          await office.mouse.wheel(0, 2_000);
          return calls.length;
        },
        { timeout: UI_TIMEOUT, interval: 200 },
      )
      .toBeGreaterThanOrEqual(2);
    await scrollThrough(office, REQUESTS);

    expect(calls).toHaveLength(3);
    expect(calls[1]?.after).toBeDefined();
    expect(calls[2]?.after).toBeDefined();
    expect(calls[2]?.after).not.toEqual(calls[1]?.after);
    // The oldest request is the last row; nothing more is asked for at the end.
    await visible(office.getByRole('row').filter({ hasText: '来访单位第1号' }).first());
    await holder(office).evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await office.waitForTimeout(300);
    expect(calls).toHaveLength(3);
    expect(office.url()).not.toContain('page=');
    await office.context().close();
  });

  it('an approval elsewhere refreshes the loaded rows in place: the list does not move, the typed search stays', async () => {
    const office = await openAs(j, c.people.office);
    await go(office, '/requests/all');
    await visible(listLinks(office));
    const calls = recordCalls(office, 'requests.list');
    // To the end of the first page (the second is read), then to its middle.
    await holder(office).evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect.poll(() => calls.length, { timeout: UI_TIMEOUT }).toBe(1);
    await expect.poll(() => lastRowIndex(office), { timeout: UI_TIMEOUT }).toBeGreaterThan(101);
    await holder(office).evaluate((el) => {
      el.scrollTop = 2_000;
    });
    await office.waitForTimeout(300);
    expect(calls).toHaveLength(1);
    const before = await holder(office).evaluate((el) => el.scrollTop);
    const search = office.getByRole('searchbox', { name: zh('common.search') });
    await search.fill('第12号');
    const address = office.url();
    calls.length = 0;

    // The head approves one: the office is the next step, and is told.
    await decideApi(j.url, c.people.head, ids[50]!);
    await expect.poll(() => calls.length, { timeout: UI_TIMEOUT }).toBe(2);
    expect(calls[0]).not.toHaveProperty('after');
    expect(calls[1]?.after).toBeDefined();
    await office.waitForTimeout(300);

    // Where it was: the approved request moved to the top (latest change first), so the rows
    // in view may have shifted by one, and the list re-measures the rows it draws by a pixel.
    const after = await holder(office).evaluate((el) => el.scrollTop);
    expect(Math.abs(after - before)).toBeLessThan(48);
    expect(await lastRowIndex(office)).toBeGreaterThan(40);
    expect(await search.inputValue()).toBe('第12号');
    expect(office.url()).toBe(address);
    await office.context().close();
  });

  it('Tab walks from code link to code link past the rows drawn first, the list following', async () => {
    const office = await openAs(j, c.people.office);
    await go(office, '/requests/all');
    const first = listLinks(office).first();
    await visible(first);
    const drawn = await bodyRows(office).count();
    await first.focus();
    const steps = drawn + 10;
    for (let i = 0; i < steps; i++) await office.keyboard.press('Tab');
    await office.waitForTimeout(200);

    const focused = await office.evaluate(() => {
      const a = document.activeElement;
      const row = a?.closest('[role="row"]');
      const list = document.querySelector('.ant-table-tbody-virtual-holder');
      if (!a || !row || !list) return null;
      const box = a.getBoundingClientRect();
      const view = list.getBoundingClientRect();
      return {
        link: a.tagName === 'A' && /^JD/.test(a.textContent ?? ''),
        index: Number(row.getAttribute('aria-rowindex')),
        inView: box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
      };
    });
    expect(focused).toEqual({ link: true, index: steps + 2, inView: true });
    // Enter opens it, as a click would.
    await office.keyboard.press('Enter');
    await office.waitForURL(/#\/requests\/\d+$/);
    await office.context().close();
  });

  it('sorting by a column header and a search still narrow and order the list, in the URL', async () => {
    const office = await openAs(j, c.people.office);
    await go(office, '/requests/all');
    await visible(listLinks(office));
    await office.getByRole('columnheader', { name: zh('requestAdmin.list.dates') }).click();
    await office.waitForURL(/sort=arrival_desc/);
    const latest = addDays(today(), 3 + 89);
    await expect
      .poll(() => bodyRows(office).first().innerText(), { timeout: UI_TIMEOUT })
      .toContain(latest);

    const search = office.getByRole('searchbox', { name: zh('common.search') });
    await search.fill('来访单位第7号');
    await search.press('Enter');
    await office.waitForURL(/q=/);
    await expect.poll(() => bodyRows(office).count(), { timeout: UI_TIMEOUT }).toBe(1);
    expect(await bodyRows(office).first().innerText()).toContain('来访单位第7号');
    await expect
      .poll(() => total(office).innerText(), { timeout: UI_TIMEOUT })
      .toBe(zh('common.total', { total: 1 }));
    expect(office.url()).toContain('sort=arrival_desc');
    await office.context().close();
  });

  it('我的接待申请 scrolls through all of the host’s requests the same way', async () => {
    const host = await openAs(j, c.people.host);
    const calls = recordCalls(host, 'requests.list');
    await go(host, '/requests/mine');
    await visible(host.getByRole('table', { name: zh('requestAdmin.mine.title') }));
    await expect
      .poll(() => total(host).innerText(), { timeout: UI_TIMEOUT })
      .toBe(zh('common.total', { total: REQUESTS }));
    await scrollThrough(host, REQUESTS);
    expect(calls.map((i) => i.scope)).toEqual(['mine', 'mine', 'mine']);
    await host.context().close();
  });

  it('the audit log scrolls through every entry on the id of the last one shown', async () => {
    const admin = await openAs(j, { ...c.people.host, cookie: c.adminCookie });
    const calls = recordCalls(admin, 'audit.list');
    await go(admin, '/audit');
    await visible(admin.getByRole('table', { name: zh('audit.title') }));
    const entries = count(j.srv, 'select count(*) from audit_log');
    expect(entries).toBeGreaterThan(REQUESTS);
    await expect
      .poll(() => total(admin).innerText(), { timeout: UI_TIMEOUT })
      .toBe(zh('common.total', { total: entries.toLocaleString('zh-CN') }));
    await scrollThrough(admin, entries);
    expect(calls.length).toBe(Math.ceil(entries / 100));
    expect(calls.slice(1).every((i) => typeof i.after === 'number')).toBe(true);
    await admin.context().close();
  });

  it('axe finds nothing serious or critical on the three lists', async () => {
    const office = await openAs(j, c.people.office);
    await go(office, '/requests/all');
    await visible(listLinks(office));
    await expectAccessible(office, 'all');
    await office.context().close();

    const host = await openAs(j, c.people.host);
    await go(host, '/requests/mine');
    await visible(listLinks(host));
    await expectAccessible(host, 'mine');
    await host.context().close();

    const admin = await openAs(j, { ...c.people.host, cookie: c.adminCookie });
    await go(admin, '/audit');
    await visible(admin.getByRole('table', { name: zh('audit.title') }));
    await expectAccessible(admin, 'audit');
    await admin.context().close();
  });
});
