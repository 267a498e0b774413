import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { decision, requestBodyOn } from '../../main/test-fixtures';
import type { Role } from '../../shared/auth/roles';
import { companyDate } from '../../shared/dates';
import type { Language } from '../../shared/i18n/translate';
import type { RequestStatus } from '../../shared/requests/lifecycle';
import type { RequestBody } from '../../shared/requests/schema';
import type { TestServer } from './server';
import {
  api,
  button,
  createUserApi,
  gone,
  ok,
  pickOption,
  setupAdminApi,
  signInApi,
  tr,
  FIRST_SCREEN_TIMEOUT,
  UI_TIMEOUT,
  visible,
  type Journey,
} from './journey';

/**
 * The reception-request journeys' own plumbing: a small company made through the API, dates
 * relative to the company's today, and the steps a person takes on the form, in the inbox and
 * on the dossier.
 */

export const TIME_ZONE = 'Asia/Shanghai';
export const PASSWORD = 'staff-pass-2024';

/** Today in the company's time zone (the server runs on real time, so the tests do too). */
export const today = () => companyDate(Date.now(), TIME_ZONE);

/** `YYYY-MM-DD` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The meal grid's day label ("6月12日周四" / "Thu, Jun 12"), as MealGrid renders it. */
export function dayLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(Date.parse(`${date}T00:00:00Z`));
}

// ---------------------------------------------------------------------------------------------
// The company.

export interface Person {
  id: number;
  login: string;
  displayName: string;
  /** A signed-in session (rm_session) for API calls and for opening a signed-in browser. */
  cookie: string;
}

const STAFF = {
  host: { login: 'li.na', displayName: '李娜', roles: ['host'], dept: 'sales' },
  head: { login: 'zhang.wei', displayName: '张伟', roles: ['dept_head'], dept: 'sales' },
  delegate: { login: 'sun.li', displayName: '孙丽', roles: ['dept_head'], dept: 'marketing' },
  executive: { login: 'zhao.lei', displayName: '赵磊', roles: ['executive'], dept: null },
  office: { login: 'chen.jing', displayName: '陈静', roles: ['admin_office'], dept: 'office' },
  office2: { login: 'zhou.min', displayName: '周敏', roles: ['admin_office'], dept: 'office' },
} as const satisfies Record<
  string,
  { login: string; displayName: string; roles: Role[]; dept: string | null }
>;
export type StaffKey = keyof typeof STAFF;

export interface Company {
  adminCookie: string;
  people: Record<StaffKey, Person>;
  departments: { sales: number; marketing: number; office: number };
}

/**
 * 销售部 (head 张伟, host 李娜), 市场部 (head 孙丽), 人事行政部 (陈静, 周敏 of the admin office),
 * 赵磊 an executive; everyone signed in through the API.
 */
export async function seedCompany(url: string): Promise<Company> {
  const adminCookie = await setupAdminApi(url);
  const departments = {
    sales: ok(
      await api(url, 'departments.create', { name: '销售部', headUserId: null }, adminCookie),
    ).id,
    marketing: ok(
      await api(url, 'departments.create', { name: '市场部', headUserId: null }, adminCookie),
    ).id,
    office: ok(
      await api(url, 'departments.create', { name: '人事行政部', headUserId: null }, adminCookie),
    ).id,
  };
  const people = {} as Record<StaffKey, Person>;
  for (const [key, s] of Object.entries(STAFF) as [StaffKey, (typeof STAFF)[StaffKey]][]) {
    const user = await createUserApi(url, adminCookie, {
      login: s.login,
      displayName: s.displayName,
      roles: [...s.roles],
      password: PASSWORD,
      departmentId: s.dept ? departments[s.dept as keyof typeof departments] : null,
    });
    people[key] = {
      id: user.id,
      login: s.login,
      displayName: s.displayName,
      cookie: await signInApi(url, s.login, PASSWORD),
    };
  }
  ok(
    await api(
      url,
      'departments.update',
      { id: departments.sales, name: '销售部', headUserId: people.head.id },
      adminCookie,
    ),
  );
  ok(
    await api(
      url,
      'departments.update',
      { id: departments.marketing, name: '市场部', headUserId: people.delegate.id },
      adminCookie,
    ),
  );
  return { adminCookie, people, departments };
}

/**
 * A company nobody can approve in: 销售部 with no head and its host 李娜, and no admin-office user
 * or any other staff; the host is signed in through the API.
 */
export async function seedBareCompany(
  url: string,
): Promise<{ adminCookie: string; host: Person; sales: number }> {
  const adminCookie = await setupAdminApi(url);
  const sales = ok(
    await api(url, 'departments.create', { name: '销售部', headUserId: null }, adminCookie),
  ).id;
  const s = STAFF.host;
  const user = await createUserApi(url, adminCookie, {
    login: s.login,
    displayName: s.displayName,
    roles: [...s.roles],
    password: PASSWORD,
    departmentId: sales,
  });
  const host: Person = {
    id: user.id,
    login: s.login,
    displayName: s.displayName,
    cookie: await signInApi(url, s.login, PASSWORD),
  };
  return { adminCookie, host, sales };
}

/** A browser of this person, signed in, on the home page. */
export async function openAs(j: Journey, person: Person, language?: Language): Promise<Page> {
  const page = await j.open({
    cookie: person.cookie,
    reuse: true,
    ...(language ? { language } : {}),
  });
  // A fresh context parses the whole signed-in bundle first: on a loaded machine that alone has
  // taken more than the usual 10 s (two clerks opening at once), so the first screen gets longer.
  await visible(page.getByTestId('sidebar'), FIRST_SCREEN_TIMEOUT);
  return page;
}

/**
 * The request codes linked from a list's rows. Not any JD link on the page: the home page links
 * requests too, and a list is only there once its rows are.
 */
export const listLinks = (page: Page) =>
  page.locator('.ant-table-tbody [role="row"]').getByRole('link', { name: /^JD/ });

/** Goes to a route of the signed-in app (`/approvals`, `/requests/3`) as a link would. */
export async function go(page: Page, route: string) {
  await page.evaluate((r) => {
    window.location.hash = `#${r}`;
  }, route);
}

// ---------------------------------------------------------------------------------------------
// The form.

export interface VisitorInput {
  name: string;
  title?: string;
  phone?: string;
}

/** The side panel's checks, as `data-code` of each item. */
export const panelChecks = (page: Page) => page.getByTestId('panel-checks').locator('li');

/** Waits until the live preview has caught up with what was typed. */
export async function previewSettled(page: Page) {
  const panel = page.getByTestId('request-panel');
  await visible(panel.getByTestId('panel-budget-total'));
  await expect
    .poll(() => panel.locator('.anticon-loading').count(), { timeout: UI_TIMEOUT })
    .toBe(0);
}

/** Types a date (`YYYY-MM-DD`) into an antd DatePicker of the form and commits it. */
export async function typeDate(page: Page, id: string, date: string) {
  const input = page.locator(`[id="${id}"]`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await gone(page.locator('.ant-picker-dropdown:visible'));
  await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe(date);
}

/** Types a time (`HH:mm`) into an antd TimePicker of the form and commits it. */
export async function typeTime(page: Page, id: string, time: string) {
  const input = page.locator(`[id="${id}"]`);
  await input.click();
  await input.fill(time);
  await input.press('Enter');
  await gone(page.locator('.ant-picker-dropdown:visible'));
  await expect.poll(() => input.inputValue(), { timeout: UI_TIMEOUT }).toBe(time);
}

/** Types both ends of an antd RangePicker (the id is on its first input). */
export async function typeRange(page: Page, id: string, from: string, to: string) {
  const start = page.locator(`[id="${id}"]`);
  const picker = page.locator('.ant-picker-range', { has: start });
  const end = picker.locator('input').nth(1);
  await start.click();
  await start.fill(from);
  await start.press('Enter');
  await end.fill(to);
  await end.press('Enter');
  await gone(page.locator('.ant-picker-dropdown:visible'));
  await expect.poll(() => start.inputValue(), { timeout: UI_TIMEOUT }).toBe(from);
  await expect.poll(() => end.inputValue(), { timeout: UI_TIMEOUT }).toBe(to);
}

export interface BasicInput {
  orgName: string;
  category?: string;
  purpose: string;
  arrival: string;
  arrivalTime?: string;
  departure: string;
  departureTime?: string;
}

/** 基本信息: organisation, category (by its label), purpose, arrival and departure. */
export async function fillBasic(page: Page, b: BasicInput, language: Language = 'zh-CN') {
  await page.locator('#orgName').fill(b.orgName);
  if (b.category) {
    await pickOption(page, 'orgCategory', tr(language, `labels.category.${b.category}`));
  }
  await page.locator('#purpose').fill(b.purpose);
  await typeDate(page, 'arrivalDate', b.arrival);
  await typeTime(page, 'arrivalTime', b.arrivalTime ?? '09:30');
  await typeDate(page, 'departureDate', b.departure);
  await typeTime(page, 'departureTime', b.departureTime ?? '16:00');
}

const cell = (page: Page, row: number, col: string) =>
  page.locator(`[id="visitors.${row}.${col}"]`);

/** Adds a visitor with 添加来访人员 and types the cells, as a clerk would. */
export async function typeVisitor(page: Page, v: VisitorInput, language: Language = 'zh-CN') {
  const grid = page.getByTestId('visitors-grid');
  const before = await grid.locator('[id$=".name"]').count();
  await button(grid, tr(language, 'requestForm.visitors.add')).click();
  const name = cell(page, before, 'name');
  await visible(name);
  await name.fill(v.name);
  if (v.title) await cell(page, before, 'title').fill(v.title);
  if (v.phone) await cell(page, before, 'phone').fill(v.phone);
}

/**
 * Pastes rows copied from Excel (tab-separated) into the visitor grid, as Ctrl+V in a cell of the
 * grid does: the browser's paste event with the text on its clipboard data.
 */
export async function pasteVisitors(page: Page, tsv: string) {
  const target = page.getByTestId('visitors-grid').locator('input').first();
  await target.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, tsv);
}

/** Ticks one meal of one day in the meal grid. */
export async function tickMeal(
  page: Page,
  date: string,
  meal: 'breakfast' | 'lunch' | 'dinner',
  language: Language = 'zh-CN',
) {
  const label = `${dayLabel(date, language)} ${tr(language, `labels.meal.${meal}`)}`;
  const box = page.getByRole('checkbox', { name: label, exact: true });
  await box.check();
}

/** Clicks 提交审批 and waits for the dossier it leads to; returns the request's id. */
export async function submitForm(page: Page): Promise<number> {
  await page.getByTestId('submit-request').click();
  await page.waitForURL(/#\/requests\/\d+$/);
  await visible(page.getByTestId('dossier-code'));
  const id = Number(/#\/requests\/(\d+)$/.exec(page.url())?.[1]);
  if (!Number.isInteger(id)) throw new Error(`Not a dossier: ${page.url()}`);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Inbox and dossier.

/** The inbox row of one request (by its code). */
export const inboxRow = (page: Page, code: string) =>
  page.locator(`[data-testid="inbox-row"][data-code="${code}"]`);

/** The open approval confirmation (Popconfirm). */
export const popconfirm = (page: Page) => page.locator('.ant-popconfirm:visible');

/** 通过 and the confirmation's 通过: the two actions of an approval. */
export async function approveIn(
  scope: Locator,
  page: Page,
  language: Language = 'zh-CN',
  action: 'approve' | 'file' = 'approve',
) {
  const label = tr(language, `requestViews.actions.${action}`);
  await button(scope, label).first().click();
  const confirm = popconfirm(page);
  await visible(confirm);
  await button(confirm, label).click();
}

/** The status tag of the dossier shown. */
export async function expectStatus(
  page: Page,
  status: RequestStatus,
  language: Language = 'zh-CN',
) {
  const tag = page.getByTestId('status-tag');
  await expect
    .poll(() => tag.first().innerText(), { timeout: UI_TIMEOUT })
    .toBe(tr(language, `labels.status.${status}`));
}

/** Opens a tab of the dossier by its label (the label may carry a count). */
export async function openTab(page: Page, key: string, language: Language = 'zh-CN') {
  const tab = page.getByRole('tab', { name: new RegExp(`^${tr(language, key)}`) });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected'), { timeout: UI_TIMEOUT }).toBe('true');
}

// ---------------------------------------------------------------------------------------------
// The database.

export interface StepRow {
  id: number;
  revision: number;
  seq: number;
  kind: string;
  reason: string;
  status: string;
  assignee_user_id: number | null;
  decided_by: number | null;
  on_behalf_of: number | null;
  comment: string;
}

export function steps(srv: TestServer, requestId: number): StepRow[] {
  return srv.rows<StepRow>(
    `select id, revision, seq, kind, reason, status, assignee_user_id, decided_by, on_behalf_of, comment
       from approval_steps where subject_type = 'request' and subject_id = ? order by revision, seq`,
    requestId,
  );
}

export function requestRow(srv: TestServer, requestId: number) {
  return srv.rows(
    'select id, code, status, revision, org_name, visitor_count from requests where id = ?',
    requestId,
  )[0] as
    | {
        id: number;
        code: string;
        status: string;
        revision: number;
        org_name: string;
        visitor_count: number;
      }
    | undefined;
}

// ---------------------------------------------------------------------------------------------
// Requests made through the API (what a journey needs before its own steps begin).

/**
 * The unit tests' request (main/test-fixtures.ts: a C-tier client visit, two visitors, a
 * companion, a meeting room, lunch on the day of arrival) for this department and these days;
 * it leaves the day after arrival unless `departureDate` says otherwise.
 */
export function requestBody(
  departmentId: number,
  o: Partial<RequestBody> & { orgName: string; arrivalDate: string },
): RequestBody {
  return requestBodyOn(o.arrivalDate, o.departureDate ?? addDays(o.arrivalDate, 1), {
    departmentId,
    ...o,
  });
}

/** The host submits a request through the API; returns its dossier. */
export async function submitApi(url: string, host: Person, body: RequestBody) {
  return ok(await api(url, 'requests.submit', { id: null, version: null, body }, host.cookie));
}

/** The host saves a new draft through the API; returns its dossier. */
export async function saveDraftApi(url: string, host: Person, body: RequestBody) {
  return ok(await api(url, 'requests.saveDraft', { id: null, version: null, body }, host.cookie));
}

/** Decides the request's pending step through the API as this person. */
export async function decideApi(
  url: string,
  person: Person,
  requestId: number,
  action: 'approve' | 'return' | 'reject' = 'approve',
  comment = '',
) {
  const d = ok(await api(url, 'requests.get', { id: requestId }, person.cookie));
  if (!d.myStep) throw new Error(`${person.login} has no step to decide on ${d.code}`);
  return ok(await api(url, 'approvals.decide', decision(d.myStep, action, comment), person.cookie));
}
