import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROLES, type Role } from '../shared/auth/roles';
import {
  ADMIN,
  api,
  count,
  createUserApi,
  expectHome,
  navigate,
  pickOptions,
  setupAdminApi,
  sidebarItems,
  signIn,
  signOut,
  screenshotFailures,
  startJourney,
  visible,
  gone,
  zh,
  type Journey,
} from './support/journey';

const PASSWORD = 'role-pass-2024';
const ADMIN_NAV = [
  'nav.home',
  'nav.users',
  'sessions.nav',
  'nav.departments',
  'nav.audit',
  'nav.policy',
  'frontdeskPrivacy.nav',
  'nav.settings',
  'backups.nav',
];

/**
 * What each role must see in the sidebar, in order: the specification, written out rather than
 * derived from the code under test. Only the sysadmin sees the administration pages.
 */
/** The bookings screens (issue 10), for whoever reads bookings: the admin office, the front desk. */
const BOOKINGS_NAV = [
  'bookingsPlan.nav',
  'bookingsCalendar.nav.today',
  'bookingsCalendar.nav.calendar',
  'bookingsCatalogue.nav.free',
  'bookingsCatalogue.nav.catalogue',
];
/** The front desk's screens (issue 11), for the front desk and the admin office. */
const FRONTDESK_NAV = ['frontdeskDesk.nav', 'frontdeskWalkIn.nav'];
/** Post-visit money (issue 12): finance's queue and advances, the reports for those who read them. */
const REPORT_NAV = ['expensesFinance.nav.report', 'expensesFinance.nav.dashboard'];
const EXPECTED_NAV: Record<Role, string[]> = {
  host: ['nav.home', 'nav.tasks', 'nav.myRequests'],
  // The role alone: 本部门接待 is for whoever is set as a department's head (see
  // department-requests.e2e.ts), and these users head none.
  dept_head: ['nav.home', 'nav.approvals', 'decided.nav', 'nav.delegations'],
  executive: [
    'nav.home',
    'nav.approvals',
    'decided.nav',
    'nav.allRequests',
    'nav.delegations',
    ...REPORT_NAV,
  ],
  admin_office: [
    'nav.home',
    'nav.tasks',
    'nav.approvals',
    'decided.nav',
    'nav.allRequests',
    ...FRONTDESK_NAV,
    ...BOOKINGS_NAV,
    // 黑名单 (issue 11): the admin office keeps the watchlist.
    'frontdeskWatch.nav',
    'nav.delegations',
    ...REPORT_NAV,
    'frontdeskPrivacy.nav',
  ],
  front_desk: ['nav.home', ...FRONTDESK_NAV, ...BOOKINGS_NAV],
  // Finance decides the money's steps (issue 12): the approvals' screens come with it.
  finance: [
    'nav.home',
    'nav.approvals',
    'decided.nav',
    'nav.allRequests',
    'nav.delegations',
    'expensesFinance.nav.queue',
    'expensesAdvances.nav',
    ...REPORT_NAV,
  ],
  sysadmin: ADMIN_NAV,
};
const ADMIN_ONLY = [
  'nav.users',
  'sessions.nav',
  'nav.departments',
  'nav.audit',
  'nav.settings',
  'backups.nav',
];

const person = (role: Role) => ({ login: `u-${role}`, displayName: `测试${zh(`roles.${role}`)}` });

describe('roles and the menu', () => {
  let j: Journey;
  let page: Page;
  let adminCookie: string;

  beforeAll(async () => {
    j = await startJourney();
    adminCookie = await setupAdminApi(j.url);
    page = await j.open();
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('the sysadmin creates a user through the Users page', async () => {
    await signIn(page, ADMIN.login, ADMIN.password);
    await navigate(page, 'nav.users');
    await visible(page.getByRole('heading', { name: zh('users.title') }));
    await page.getByRole('button', { name: zh('users.create') }).click();
    const dialog = page.getByRole('dialog', { name: zh('users.create') });
    await visible(dialog);

    const { login, displayName } = person('front_desk');
    await dialog.getByLabel(zh('users.login')).fill(login);
    await dialog.getByLabel(zh('users.displayName')).fill(displayName);
    // The form starts with the host role: swap it for front desk.
    await pickOptions(page, 'roles', [zh('roles.front_desk'), zh('roles.host')]);
    await dialog.getByLabel(zh('users.password'), { exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: zh('common.save') }).click();
    await gone(dialog);
    await visible(page.getByText(zh('users.created')));

    const row = page.getByRole('row', { name: new RegExp(displayName) });
    await visible(row);
    expect(await row.innerText()).toContain(zh('roles.front_desk'));
    expect(await row.innerText()).not.toContain(zh('roles.host'));
    const roles = j.srv.app.sqlite
      .prepare('select r.role from user_roles r join users u on u.id = r.user_id where u.login = ?')
      .all(login) as { role: string }[];
    expect(roles.map((r) => r.role)).toEqual(['front_desk']);
    await signOut(page);
  });

  it('the other roles are created over the API', async () => {
    for (const role of ROLES) {
      if (role === 'front_desk') continue;
      await createUserApi(j.url, adminCookie, {
        ...person(role),
        roles: [role],
        password: PASSWORD,
      });
    }
    // Admin + one user per role.
    expect(count(j.srv, 'select count(*) from users')).toBe(ROLES.length + 1);
  });

  for (const role of ROLES) {
    it(`${role} sees exactly its sidebar items`, async () => {
      const { login, displayName } = person(role);
      // Sign-out leaves the previous user's page in the address (#/users): start from home.
      await page.goto(`${j.url}/#/`);
      await signIn(page, login, PASSWORD);
      await expectHome(page, displayName);
      const items = await sidebarItems(page);
      expect(items).toEqual(EXPECTED_NAV[role].map((k) => zh(k)));
      // Everyone has Home first; the administration pages only the sysadmin.
      expect(items[0]).toBe(zh('nav.home'));
      for (const key of ADMIN_ONLY) expect(items.includes(zh(key))).toBe(role === 'sysadmin');
      // The home page names the user's role under the greeting.
      await visible(page.getByTestId('home-who').getByText(zh(`roles.${role}`), { exact: true }));
      await signOut(page);
    });
  }

  it('a user with several roles sees the union of their items', async () => {
    await createUserApi(j.url, adminCookie, {
      login: 'multi',
      displayName: '多角色',
      roles: ['host', 'finance', 'sysadmin'],
      password: PASSWORD,
    });
    await signIn(page, 'multi', PASSWORD);
    const union = [
      'nav.home',
      'nav.tasks',
      'nav.myRequests',
      'nav.approvals',
      'decided.nav',
      'nav.allRequests',
      'nav.delegations',
      'nav.users',
      'sessions.nav',
      'expensesFinance.nav.queue',
      'expensesAdvances.nav',
      ...REPORT_NAV,
      'nav.departments',
      'nav.audit',
      'nav.policy',
      'frontdeskPrivacy.nav',
      'nav.settings',
      'backups.nav',
    ];
    expect(await sidebarItems(page)).toEqual(union.map((k) => zh(k)));
    await signOut(page);
  });

  it('a host opening #/users directly is sent home', async () => {
    const { login, displayName } = person('host');
    await signIn(page, login, PASSWORD);
    for (const path of ['#/users', '#/sessions', '#/departments', '#/audit', '#/settings']) {
      // A fresh load straight onto the forbidden page, as a typed address or a bookmark.
      await page.goto('about:blank');
      await page.goto(`${j.url}/${path}`);
      await expectHome(page, displayName);
      await page.waitForURL((u) => u.hash === '#/');
      expect(await page.getByRole('heading', { name: zh('users.title') }).count()).toBe(0);
    }
  });

  it('forbidden operations over HTTP with the host cookie get 403 FORBIDDEN and write nothing', async () => {
    const cookies = await page.context().cookies(j.url);
    const hostCookie = cookies.find((c) => c.name === 'rm_session')?.value;
    expect(hostCookie).toBeTruthy();
    const cookie = decodeURIComponent(hostCookie ?? '');
    const users = count(j.srv, 'select count(*) from users');
    const audits = count(j.srv, 'select count(*) from audit_log');

    const create = await api(
      j.url,
      'users.create',
      {
        login: 'intruder',
        displayName: '入侵者',
        departmentId: null,
        roles: ['sysadmin'],
        password: PASSWORD,
      },
      cookie,
    );
    expect(create.status).toBe(403);
    expect(create.body.ok).toBe(false);
    if (!create.body.ok) expect(create.body.error.code).toBe('FORBIDDEN');

    const audit = await api(j.url, 'audit.list', { limit: 10 }, cookie);
    expect(audit.status).toBe(403);
    if (!audit.body.ok) expect(audit.body.error.code).toBe('FORBIDDEN');
    else expect.fail('audit.list succeeded for a host');

    const settings = await api(
      j.url,
      'settings.update',
      { companyName: 'x', timeZone: 'UTC', idleLockMinutes: 5 },
      cookie,
    );
    expect(settings.status).toBe(403);

    expect(count(j.srv, 'select count(*) from users')).toBe(users);
    expect(count(j.srv, "select count(*) from users where login = 'intruder'")).toBe(0);
    expect(count(j.srv, 'select count(*) from audit_log')).toBe(audits);
    // The same cookie is still good for what a host may do.
    const own = await api(j.url, 'auth.session', {}, cookie);
    expect(own.status).toBe(200);
  });
});
