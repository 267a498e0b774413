import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  api,
  button,
  createUserApi,
  navigate,
  ok,
  pickOption,
  screenshotFailures,
  shotPath,
  signInApi,
  startJourney,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import {
  addDays,
  approveIn,
  decideApi,
  inboxRow,
  openAs,
  PASSWORD,
  requestBody,
  requestRow,
  seedCompany,
  steps,
  submitApi,
  today,
  type Company,
} from './support/requests';

/**
 * Issue 7, item 1: no approval step waits on someone who cannot act. The sysadmin disables the
 * waiting head, sees what moves, confirms, and another head approves; a step nobody can act on
 * is on the administrators' home page, where the admin office reassigns it.
 */
describe('steps that would be stuck', () => {
  let j: Journey;
  let c: Company;
  let seeded: string;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    seeded = j.saveDatabase();
  });
  beforeEach(async () => {
    await j.restartFrom(seeded);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('disabling the waiting head shows what moves; after confirming another head approves', async () => {
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, {
        orgName: '华东电力设计院',
        arrivalDate: addDays(today(), 4),
      }),
    );
    expect(steps(j.srv, d.id)[0]).toMatchObject({
      kind: 'dept_head',
      status: 'pending',
      assignee_user_id: c.people.head.id,
    });

    const admin = await j.open({ cookie: c.adminCookie });
    await visible(admin.getByTestId('sidebar'));
    await navigate(admin, 'nav.users');
    const row = admin
      .getByRole('row')
      .filter({ has: admin.getByRole('cell', { name: c.people.head.login, exact: true }) });
    await button(row, zh('common.edit')).click();
    const dialog = admin.getByRole('dialog', {
      name: `${zh('users.edit')} · ${c.people.head.login}`,
    });
    await visible(dialog);
    await dialog.locator('#disabled').click();
    // The switch took the click (a busy machine must not leave it off and save nothing).
    await expect
      .poll(() => dialog.locator('#disabled').getAttribute('aria-checked'), {
        timeout: UI_TIMEOUT,
      })
      .toBe('true');
    await button(dialog, zh('common.save')).click();

    // What would move, before anything is saved.
    const impact = admin.getByTestId('step-impact');
    await visible(impact);
    const text = await impact.innerText();
    expect(text).toContain(d.code);
    expect(text).toContain(c.people.head.displayName);
    expect(text).toContain(zh('stepImpact.pool', { step: zh('labels.stepKind.dept_head') }));
    expect(steps(j.srv, d.id)[0]?.assignee_user_id).toBe(c.people.head.id);
    await admin.waitForTimeout(500); // the dialog's opening animation, for the picture only
    await admin.screenshot({ path: shotPath('zh-CN', 'stuck-steps-impact') });
    await button(admin, zh('stepImpact.confirm')).click();
    await expect
      .poll(() => steps(j.srv, d.id)[0]?.assignee_user_id, { timeout: UI_TIMEOUT })
      .toBeNull();

    // The other head (市场部's 孙丽) finds it in her inbox and approves.
    const other = await openAs(j, c.people.delegate);
    await navigate(other, 'nav.approvals');
    const inbox = inboxRow(other, d.code);
    await visible(inbox);
    await approveIn(inbox, other);
    await inbox.waitFor({ state: 'detached' });
    expect(steps(j.srv, d.id)[0]).toMatchObject({
      status: 'approved',
      decided_by: c.people.delegate.id,
    });
    expect(requestRow(j.srv, d.id)?.status).toBe('approved');
  });

  it('an executive step with nobody left is on the home page; the admin office reassigns it', async () => {
    const d = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, {
        orgName: '南方电网研究院',
        arrivalDate: addDays(today(), 4),
        needs: {
          ...requestBody(c.departments.sales, { orgName: 'x', arrivalDate: addDays(today(), 4) })
            .needs,
          hotelNights: 1,
          hotelRooms: 1,
          companyPaysLodging: true,
        },
      }),
    );
    await decideApi(j.url, c.people.head, d.id);
    expect(steps(j.srv, d.id)[1]).toMatchObject({ kind: 'executive', status: 'pending' });
    // The only executive leaves; his successor is not an executive yet.
    const vp = await createUserApi(j.url, c.adminCookie, {
      login: 'qian.vp',
      displayName: '钱副总',
      roles: ['host'],
      password: PASSWORD,
      departmentId: null,
    });
    ok(
      await api(
        j.url,
        'users.update',
        {
          id: c.people.executive.id,
          displayName: c.people.executive.displayName,
          departmentId: null,
          roles: ['executive'],
          disabled: true,
        },
        c.adminCookie,
      ),
    );

    const office = await openAs(j, c.people.office);
    const card = office.getByTestId('unstaffed');
    await visible(card);
    expect(await card.innerText()).toContain(zh('unstaffed.title'));
    const line = card.getByRole('row').filter({ hasText: d.code });
    await visible(line);
    // Now an executive: eligible to be named.
    ok(
      await api(
        j.url,
        'users.update',
        {
          id: vp.id,
          displayName: '钱副总',
          departmentId: null,
          roles: ['executive'],
          disabled: false,
        },
        c.adminCookie,
      ),
    );
    await office.screenshot({ path: shotPath('zh-CN', 'stuck-steps-home-unstaffed') });
    await button(line, zh('unstaffed.reassign')).click();
    const dialog = office.getByRole('dialog', {
      name: zh('unstaffed.reassignTitle', { code: d.code, step: zh('labels.stepKind.executive') }),
    });
    await visible(dialog);
    await pickOption(office, 'reassign-to', '钱副总');
    await dialog.locator('#reassign-reason').fill('赵总离职，由钱副总审批');
    await office.screenshot({ path: shotPath('zh-CN', 'stuck-steps-reassign') });
    await button(dialog, zh('unstaffed.reassign')).click();
    await visible(office.getByText(zh('unstaffed.done')));
    await expect
      .poll(() => steps(j.srv, d.id)[1]?.assignee_user_id, { timeout: UI_TIMEOUT })
      .toBe(vp.id);
    await card.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    const vpPerson = {
      id: vp.id,
      login: 'qian.vp',
      displayName: '钱副总',
      cookie: await signInApi(j.url, 'qian.vp', PASSWORD),
    };
    const page = await openAs(j, vpPerson);
    await navigate(page, 'nav.approvals');
    const inbox = inboxRow(page, d.code);
    await visible(inbox);
    await approveIn(inbox, page);
    await inbox.waitFor({ state: 'detached' });
    expect(steps(j.srv, d.id)[1]).toMatchObject({ status: 'approved', decided_by: vp.id });
  });
});
