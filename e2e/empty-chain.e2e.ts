import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  button,
  count,
  createUserApi,
  navigate,
  ok,
  screenshotFailures,
  startJourney,
  visible,
  zh,
  type Journey,
} from './support/journey';
import {
  addDays,
  expectStatus,
  fillBasic,
  openAs,
  PASSWORD,
  requestRow,
  seedBareCompany,
  steps,
  submitForm,
  typeVisitor,
  today,
  type Person,
} from './support/requests';

/**
 * Issue 7, item 2: a new company has a host but no department head and no admin office. The
 * host's submission is refused with who is missing and whom to ask, and is kept as a draft with
 * nothing typed lost; once the sysadmin has staffed the chain, the same draft is submitted.
 */
describe('submitting into a chain nobody can approve', () => {
  let j: Journey;
  let adminCookie: string;
  let host: Person;
  let sales: number;

  beforeAll(async () => {
    j = await startJourney();
    ({ adminCookie, host, sales } = await seedBareCompany(j.url));
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('is saved as a draft naming the missing approver; once staffed, the same draft goes through', async () => {
    const orgName = '华东电力设计院';
    const arrival = addDays(today(), 4);
    const page = await openAs(j, host);
    await button(page, zh('home.newRequest')).click();
    await visible(page.getByRole('heading', { name: zh('requestForm.titleNew') }));
    await fillBasic(page, {
      orgName,
      category: 'client',
      purpose: '配电自动化项目技术交流',
      arrival,
      departure: addDays(arrival, 1),
    });
    await typeVisitor(page, { name: '王强', title: '院长', phone: '13800138000' });
    await typeVisitor(page, { name: '刘芳', title: '总工程师', phone: '13900139000' });

    await page.getByTestId('submit-request').click();
    const warning = page.getByTestId('not-submitted');
    await visible(warning);
    const text = await warning.innerText();
    expect(text).toBe(zh('errors.noApproverDraftSaved.dept_head'));
    expect(text).toContain(zh('labels.stepKind.dept_head'));
    expect(text).toContain(zh('roles.sysadmin'));
    const dialog = page.getByRole('dialog').filter({ has: warning });
    expect(await dialog.innerText()).toContain(zh('requestForm.messages.notSubmitted'));
    await button(dialog, zh('common.confirm')).click();
    await warning.waitFor({ state: 'detached' });

    // Nothing typed is lost: the form is still there, with what was typed.
    expect(page.url()).not.toMatch(/#\/requests\/\d+$/);
    expect(await page.locator('#orgName').inputValue()).toBe(orgName);
    expect(await page.locator('[id="visitors.1.name"]').inputValue()).toBe('刘芳');

    // Saved as the host's draft, with no approval steps.
    expect(count(j.srv, 'select count(*) from requests')).toBe(1);
    const { id } = j.srv.app.sqlite.prepare('select id from requests').get() as { id: number };
    expect(requestRow(j.srv, id)).toMatchObject({ status: 'draft', org_name: orgName });
    expect(steps(j.srv, id)).toEqual([]);

    // My requests (in a second window, the form stays open) lists it as 草稿.
    const list = await openAs(j, host);
    await navigate(list, 'nav.myRequests');
    const row = list.getByRole('row').filter({ hasText: orgName });
    await visible(row);
    expect(await row.innerText()).toContain(zh('labels.status.draft'));
    await list.close();

    // The sysadmin staffs the chain: an admin-office clerk and a head for 销售部.
    await createUserApi(j.url, adminCookie, {
      login: 'chen.jing',
      displayName: '陈静',
      roles: ['admin_office'],
      password: PASSWORD,
      departmentId: null,
    });
    const head = await createUserApi(j.url, adminCookie, {
      login: 'zhang.wei',
      displayName: '张伟',
      roles: ['dept_head'],
      password: PASSWORD,
      departmentId: sales,
    });
    ok(
      await api(
        j.url,
        'departments.update',
        { id: sales, name: '销售部', headUserId: head.id },
        adminCookie,
      ),
    );

    // The same form, submitted again: the saved draft goes to approval, no second request.
    expect(await submitForm(page)).toBe(id);
    await expectStatus(page, 'approving');
    expect(count(j.srv, 'select count(*) from requests')).toBe(1);
    expect(requestRow(j.srv, id)).toMatchObject({ status: 'approving', org_name: orgName });
    expect(steps(j.srv, id).map((s) => [s.kind, s.status, s.assignee_user_id])).toEqual([
      ['dept_head', 'pending', head.id],
      ['admin_office', 'waiting', null],
    ]);
  });
});
