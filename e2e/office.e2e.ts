import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitor } from '../main/test-fixtures';
import { expectAccessible } from './support/axe';
import {
  button,
  count,
  createUserApi,
  expectHome,
  gone,
  navigate,
  pageApi,
  screenshotFailures,
  settled,
  shotPath,
  signIn,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import {
  approveIn,
  expectStatus,
  go,
  inboxRow,
  PASSWORD,
  requestBody,
  requestRow,
  seedCompany,
  steps,
  submitApi,
  today,
  type Company,
} from './support/requests';
import { OFFICE_HOST } from './support/server';

/**
 * Issue 14, done when: desks at different places use one office server over TLS. A host and a
 * head, each in a browser of their own, sign in to https://reception.test:PORT (the server binds
 * all addresses; the name resolves to this machine, and the self-signed certificate is trusted by
 * its pinned public key, as a desk does after confirming the fingerprint). The head approves; the
 * host's open dossier shows it live, through the event stream over TLS, without a reload. A third
 * browser, the front desk, locks after ten idle minutes, resumes with its password and opens the
 * day's board.
 *
 * The company and the request are made through the API from Node, as the other journeys do, over
 * a loopback listener on the same app (see `startTestServer({ office })`); every call of the
 * browsers goes to the office server.
 */

const ORG = '华东精密仪器有限公司';
const FRONT_DESK = { login: 'wang.fang', displayName: '王芳' };
/** The company's idle lock, as seeded (Settings' default): the desk's clock jumps past it. */
const IDLE_LOCK_MINUTES = 10;
/** How long the host's dossier may take to follow the head's decision (an event, then a read). */
const LIVE_TIMEOUT = 20_000;

describe('office mode: two desks and the front desk on one server over TLS', () => {
  let j: Journey;
  let c: Company;
  let requestId = 0;
  let code = '';
  let hostPage: Page;
  let headPage: Page;
  let deskPage: Page;
  /** Every URL each browser asked for: all of them must be the office server's. */
  const requested: string[] = [];

  beforeAll(async () => {
    j = await startJourney({ office: true });
    c = await seedCompany(j.url);
    await createUserApi(j.url, c.adminCookie, {
      ...FRONT_DESK,
      roles: ['front_desk'],
      password: PASSWORD,
    });
    // A C-tier visit of today (C needs no notice), waiting on the head.
    const day = today();
    const submitted = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, {
        orgName: ORG,
        arrivalDate: day,
        departureDate: day,
        arrivalTime: '09:30',
        departureTime: '18:00',
        visitors: [visitor('张三', { title: '采购总监', phone: '13912345678' })],
      }),
    );
    requestId = submitted.id;
    code = submitted.code;
    expect(requestRow(j.srv, requestId)?.status).toBe('approving');
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  /** A desk: a browser of its own on the public origin, signed in through the form. */
  async function desk(login: string, displayName: string, clock = false): Promise<Page> {
    const page = await j.open({ clock });
    page.on('request', (r) => requested.push(r.url()));
    await signIn(page, login, PASSWORD);
    await expectHome(page, displayName);
    return page;
  }

  /** The session cookie the server set in this desk's browser. */
  async function sessionCookies(page: Page) {
    const jar = await page.context().cookies(j.pageUrl);
    return jar.map(({ name, domain, path, secure, httpOnly, sameSite }) => ({
      name,
      domain,
      path,
      secure,
      httpOnly,
      sameSite,
    }));
  }

  const lockHeading = () => deskPage.getByRole('heading', { name: zh('lock.title') });
  const deskLockedSessions = () =>
    count(
      j.srv,
      'select count(*) from sessions join users on users.id = sessions.user_id where users.login = ? and sessions.locked = 1',
      FRONT_DESK.login,
    );

  it('three desks sign in to the one server over TLS, with a __Host- Secure HttpOnly SameSite=Strict cookie', async () => {
    const office = j.srv.office;
    expect(office).toBeDefined();
    expect(j.pageUrl).toBe(`https://${OFFICE_HOST}:${String(office?.server.port)}`);
    expect(office?.server.policy.loopback).toBe(false);

    hostPage = await desk(c.people.host.login, c.people.host.displayName);
    headPage = await desk(c.people.head.login, c.people.head.displayName);
    // The front desk's clock is the page's own (Playwright's), so ten idle minutes take no time.
    deskPage = await desk(FRONT_DESK.login, FRONT_DESK.displayName, true);

    for (const page of [hostPage, headPage, deskPage]) {
      expect(new URL(page.url()).origin).toBe(j.pageUrl);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      expect(await sessionCookies(page)).toEqual([
        {
          name: '__Host-rm_session',
          domain: OFFICE_HOST,
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'Strict',
        },
      ]);
      // HttpOnly: the page's script cannot read it.
      expect(await page.evaluate(() => document.cookie)).toBe('');
    }

    // The host keeps the request's dossier open at his desk.
    await go(hostPage, `/requests/${String(requestId)}`);
    await visible(hostPage.getByTestId('dossier-code'));
    await expectStatus(hostPage, 'approving');
  });

  it('the head approves at his desk; the host’s open dossier follows live, without a reload', async () => {
    // Gone if the page were loaded again: what the host sees next comes through the open page.
    await hostPage.evaluate(() => {
      (window as unknown as { officeMark: string }).officeMark = 'still this page';
    });

    await navigate(headPage, 'nav.approvals');
    const row = inboxRow(headPage, code);
    await visible(row);
    expect(await row.innerText()).toContain(ORG);
    await settled(headPage);
    await headPage.screenshot({ path: shotPath('zh-CN', 'office-head-inbox') });
    await expectAccessible(headPage, 'office: the head’s inbox');

    await approveIn(row, headPage);
    await visible(headPage.getByText(zh('requestViews.decide.approved', { code })));
    await row.waitFor({ state: 'detached' });
    expect(steps(j.srv, requestId)[0]).toMatchObject({
      status: 'approved',
      decided_by: c.people.head.id,
    });
    expect(requestRow(j.srv, requestId)?.status).toBe('approved');

    // Live on the host's screen: the event reaches his stream, and the dossier is read again.
    const tag = hostPage.getByTestId('status-tag').first();
    await expect
      .poll(() => tag.innerText(), { timeout: LIVE_TIMEOUT })
      .toBe(zh('labels.status.approved'));
    expect(
      await hostPage.evaluate(() => (window as unknown as { officeMark?: string }).officeMark),
    ).toBe('still this page');

    await settled(hostPage);
    await hostPage.screenshot({ path: shotPath('zh-CN', 'office-host-dossier'), fullPage: true });
    await expectAccessible(hostPage, 'office: the host’s dossier');
  });

  it('the front desk locks after ten idle minutes, resumes with its password and opens the day’s board', async () => {
    await deskPage.clock.fastForward((IDLE_LOCK_MINUTES * 60 + 30) * 1000);
    await visible(lockHeading());
    await visible(deskPage.getByText(zh('lock.intro', { name: FRONT_DESK.displayName })));
    // Locked on the server too: the session answers nothing until the password is given.
    await expect.poll(deskLockedSessions, { timeout: UI_TIMEOUT }).toBe(1);
    const refused = await pageApi(deskPage, 'frontdesk.board', { day: today() });
    expect(refused.status).toBe(423);
    expect(refused.body.ok ? 'ok' : refused.body.error.code).toBe('SESSION_LOCKED');
    await settled(deskPage);
    await deskPage.screenshot({ path: shotPath('zh-CN', 'office-frontdesk-locked') });
    await expectAccessible(deskPage, 'office: the front desk, locked');

    await deskPage.getByLabel(zh('login.password')).fill(PASSWORD);
    await button(deskPage, zh('lock.unlock')).click();
    await gone(lockHeading());
    await expectHome(deskPage, FRONT_DESK.displayName);
    expect(deskLockedSessions()).toBe(0);
    // Back to the real time: the jump stood for ten idle minutes, and the board's day is the
    // page's own (ten minutes ahead could be tomorrow).
    await deskPage.clock.setSystemTime(Date.now());

    // The desk works on: today's board, with the visit the head has just approved.
    await navigate(deskPage, 'frontdeskDesk.nav');
    const visit = deskPage.getByTestId('board-visit').filter({ hasText: ORG });
    await visible(visit);
    await expect
      .poll(() => visit.getByTestId('status-tag').innerText())
      .toBe(zh('labels.status.approved'));
    expect(await deskPage.getByTestId('board-guest').count()).toBe(1);
    await settled(deskPage);
    await deskPage.screenshot({ path: shotPath('zh-CN', 'office-frontdesk-board') });
    await expectAccessible(deskPage, 'office: the front desk’s board');
  });

  it('every call of every desk went to the public origin over https', () => {
    const elsewhere = requested.filter(
      (u) => !u.startsWith(`${j.pageUrl}/`) && !/^(data|blob):/.test(u),
    );
    expect(elsewhere).toEqual([]);
    // The event stream among them: the host's dossier followed through it.
    expect(requested).toContain(`${j.pageUrl}/api/events`);
  });

  it('the host’s desk in English (the language is a write, from the public origin)', async () => {
    await hostPage.getByRole('banner').getByText('EN', { exact: true }).click();
    await expectStatus(hostPage, 'approved', 'en');
    await visible(
      hostPage.getByTestId('sidebar').getByRole('menuitem', { name: tr('en', 'nav.myRequests') }),
    );
    await settled(hostPage);
    await hostPage.screenshot({ path: shotPath('en', 'office-host-dossier'), fullPage: true });
    await expectAccessible(hostPage, 'office: the host’s dossier (en)');
  });
});
