import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  bellCount,
  button,
  count,
  gone,
  navigate,
  pickOption,
  screenshotFailures,
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
  expectStatus,
  fillBasic,
  go,
  inboxRow,
  openAs,
  openTab,
  pasteVisitors,
  popconfirm,
  requestBody,
  requestRow,
  seedCompany,
  steps,
  submitApi,
  submitForm,
  tickMeal,
  today,
  typeDate,
  typeRange,
  typeVisitor,
  type Company,
} from './support/requests';

/**
 * A reception request from the form to filing, and the approval paths around it: the lead-time
 * block while typing, return and resubmit with the changes shown, a delegate deciding for the
 * head, the executive step that company-paid lodging adds, and two approvers deciding at once.
 */
describe('reception requests', () => {
  let j: Journey;
  let c: Company;
  let seeded: string;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    seeded = j.saveDatabase();
  });
  // Each journey starts from the company as seeded, on its own database and server: no request,
  // delegation or notification of an earlier journey is left (sessions are rows: still valid).
  beforeEach(async () => {
    await j.restartFrom(seeded);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('(a) a host files a C-tier request; the head approves and the admin office files it', async () => {
    const arrival = addDays(today(), 4);
    const departure = addDays(arrival, 1);
    const host = await openAs(j, c.people.host);
    await button(host, zh('home.newRequest')).click();
    await visible(host.getByRole('heading', { name: zh('requestForm.titleNew') }));

    await fillBasic(host, {
      orgName: '华东电力设计院',
      category: 'client',
      purpose: '配电自动化项目技术交流',
      arrival,
      departure,
    });
    await typeVisitor(host, { name: '王强', title: '院长', phone: '13800138000' });
    await typeVisitor(host, { name: '刘芳', title: '总工程师', phone: '+86 139-0013-9000' });
    // The third comes from a spreadsheet, pasted into the grid.
    await pasteVisitors(host, '赵敏\t项目经理\t13700137000\n');
    await visible(host.getByText(zh('requestForm.visitors.pasted', { count: 1 })));
    await tickMeal(host, arrival, 'lunch');

    // The side panel follows: three people at one C-tier lunch (¥100 cap), head then filing.
    const p = host.getByTestId('request-panel');
    await visible(p.getByText(zh('requestForm.panel.budgetHeadcount', { count: 3 })));
    await expect
      .poll(() => p.getByTestId('panel-budget-total').innerText(), { timeout: UI_TIMEOUT })
      .toBe('¥300.00');
    await visible(p.getByText(zh('requestForm.panel.noChecks')));
    const chain = p.locator('.rf-chain .ant-steps-item-title');
    expect(await chain.allInnerTexts()).toEqual([
      zh('labels.stepKind.dept_head'),
      zh('labels.stepKind.admin_office'),
    ]);

    const id = await submitForm(host);
    await expectStatus(host, 'approving');
    const code = await host.getByTestId('dossier-code').innerText();
    const row = requestRow(j.srv, id);
    expect(row).toMatchObject({
      status: 'approving',
      org_name: '华东电力设计院',
      visitor_count: 3,
    });
    const body = JSON.parse(
      (
        j.srv.app.sqlite.prepare('select body from requests where id = ?').get(id) as {
          body: string;
        }
      ).body,
    ) as { visitors: { name: string; phone: string }[]; needs: { meals: unknown[] } };
    expect(body.visitors.map((v) => v.name)).toEqual(['王强', '刘芳', '赵敏']);
    // The phone as clerks write it is stored normalised.
    expect(body.visitors[1]?.phone).toBe('13900139000');
    expect(body.needs.meals).toEqual([{ date: arrival, meal: 'lunch', perHeadFen: null }]);
    expect(steps(j.srv, id).map((s) => [s.kind, s.status, s.assignee_user_id])).toEqual([
      ['dept_head', 'pending', c.people.head.id],
      ['admin_office', 'waiting', null],
    ]);

    // The head: inbox, 通过, confirm — two actions.
    const head = await openAs(j, c.people.head);
    await navigate(head, 'nav.approvals');
    const headRow = inboxRow(head, code);
    await visible(headRow);
    expect(await headRow.innerText()).toContain('华东电力设计院');
    await approveIn(headRow, head);
    await visible(head.getByText(zh('requestViews.decide.approved', { code })));
    await headRow.waitFor({ state: 'detached' });
    expect(steps(j.srv, id)[0]).toMatchObject({ status: 'approved', decided_by: c.people.head.id });
    expect(requestRow(j.srv, id)?.status).toBe('approved');

    // The admin office files it from its own inbox.
    const office = await openAs(j, c.people.office);
    await navigate(office, 'nav.approvals');
    const officeRow = inboxRow(office, code);
    await visible(officeRow);
    expect(await officeRow.innerText()).toContain(zh('labels.stepKind.admin_office'));
    await approveIn(officeRow, office, 'zh-CN', 'file');
    await officeRow.waitFor({ state: 'detached' });
    expect(requestRow(j.srv, id)?.status).toBe('filed');
    expect(steps(j.srv, id)[1]).toMatchObject({
      status: 'approved',
      decided_by: c.people.office.id,
    });

    // The host's dossier, still open, follows without a reload.
    await expectStatus(host, 'filed');
    await openTab(host, 'requestViews.tabs.approval');
    const trail = host.locator('.rv-trail');
    await visible(trail.getByText(c.people.head.displayName, { exact: true }));
    await visible(trail.getByText(c.people.office.displayName, { exact: true }));
    await openTab(host, 'requestViews.tabs.events');
    const events = await host.getByTestId('event').allInnerTexts();
    expect(events[0]).toContain(`${c.people.office.displayName} ${zh('requestViews.event.filed')}`);
    expect(events[1]).toContain(
      `${c.people.head.displayName} ${zh('requestViews.event.approved')}`,
    );
  });

  it('(b) an A-tier visit tomorrow shows the lead-time block while typing and cannot be submitted', async () => {
    const tomorrow = addDays(today(), 1);
    const orgName = '市发展和改革委员会';
    const host = await openAs(j, c.people.host);
    await navigate(host, 'nav.myRequests');
    await button(host, zh('requestAdmin.mine.create')).click();
    await visible(host.getByRole('heading', { name: zh('requestForm.titleNew') }));

    await fillBasic(host, {
      orgName,
      category: 'government',
      purpose: '调研企业数字化转型情况',
      arrival: tomorrow,
      departure: tomorrow,
      arrivalTime: '09:00',
      departureTime: '11:30',
    });
    // Government suggests A; the tier follows.
    await expect
      .poll(() => host.locator('.ant-select', { has: host.locator('#tier') }).innerText())
      .toBe(zh('labels.tier.A'));

    // Before any click on submit: the panel and the arrival field say why it cannot go.
    // The earliest allowed arrival, as the panel writes it in Chinese ("12月4日").
    const [, month, day] = addDays(today(), 2).split('-').map(Number);
    const leadText = zh('checks.lead_time', {
      tier: 'A',
      days: 2,
      lead: 1,
      earliestDate: `${String(month)}月${String(day)}日`,
    });
    const p = host.getByTestId('request-panel');
    const block = p.locator('li[data-code="lead_time"]');
    await visible(block);
    expect(await block.innerText()).toContain(leadText);
    expect(await block.innerText()).toContain(zh('requestForm.severity.block'));
    await visible(p.getByText(zh('requestForm.panel.summaryBlock', { count: 1 })));
    await visible(
      host.locator('.ant-form-item', { has: host.locator('#arrivalDate') }).getByText(leadText),
    );
    expect(count(j.srv, 'select count(*) from requests where org_name = ?', orgName)).toBe(0);

    await typeVisitor(host, { name: '周处长', title: '处长', phone: '13600136000' });
    await host.getByTestId('submit-request').click();
    await visible(host.getByText(zh('errors.policyBlocks', { count: 1 })));
    await visible(
      host.locator('.ant-form-item', { has: host.locator('#arrivalDate') }).getByText(leadText),
    );
    expect(host.url()).toMatch(/#\/requests\/new$/);
    expect(count(j.srv, 'select count(*) from requests where org_name = ?', orgName)).toBe(0);

    // Two more days of notice and the block is gone, while typing again.
    await typeDate(host, 'arrivalDate', addDays(tomorrow, 1));
    await block.waitFor({ state: 'detached' });
  });

  it('(c) the head returns it; the host edits and resubmits; the head sees what changed and approves', async () => {
    const orgName = '中建三局';
    const arrival = addDays(today(), 6);
    const departure = addDays(arrival, 1);
    const later = addDays(arrival, 2);
    const first = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName, arrivalDate: arrival, departureDate: departure }),
    );
    const { id, code } = first;
    const reason = '请补充对方随行的技术负责人，并把离开日期延后一天';

    // The head opens it from the inbox and returns it: a reason is required.
    const head = await openAs(j, c.people.head);
    await navigate(head, 'nav.approvals');
    await inboxRow(head, code).getByRole('link', { name: code }).click();
    const myStep = head.getByTestId('my-step');
    await visible(myStep);
    await button(myStep, zh('requestViews.actions.return')).click();
    const dialog = head.getByRole('dialog', {
      name: zh('requestViews.decide.returnTitle', { code }),
    });
    await visible(dialog);
    await button(dialog, zh('requestViews.actions.return')).click();
    await visible(dialog.getByText(zh('validation.reasonRequired')));
    await dialog.locator('#decision-reason').fill(reason);
    await button(dialog, zh('requestViews.actions.return')).click();
    await gone(dialog);
    await expectStatus(head, 'returned');
    expect(requestRow(j.srv, id)?.status).toBe('returned');
    expect(steps(j.srv, id).map((s) => [s.kind, s.status, s.comment])).toEqual([
      ['dept_head', 'returned', reason],
      ['admin_office', 'cancelled', ''],
    ]);

    // The host hears of it, with the reason.
    const host = await openAs(j, c.people.host);
    await expect.poll(() => bellCount(host), { timeout: UI_TIMEOUT }).toBeGreaterThan(0);
    await host.getByTestId('bell').click();
    const note = zh('notifications.requestReturned', {
      by: c.people.head.displayName,
      code,
      org: orgName,
      reason,
    });
    await visible(host.locator('.ant-popover:visible').getByText(note));
    // Clicking it opens the request and marks it read.
    const unreadBefore = await bellCount(host);
    await host.locator('.ant-popover:visible').getByRole('button', { name: note }).click();
    await gone(host.locator('.ant-popover:visible'));
    await expectStatus(host, 'returned');
    expect(new URL(host.url()).hash).toBe(`#/requests/${id}`);
    await expect.poll(() => bellCount(host), { timeout: UI_TIMEOUT }).toBe(unreadBefore - 1);

    await navigate(host, 'nav.myRequests');
    const listRow = host.getByRole('row').filter({ hasText: code });
    await visible(listRow);
    expect(await listRow.innerText()).toContain(zh('labels.status.returned'));
    await listRow.getByRole('link', { name: code }).click();
    await expectStatus(host, 'returned');
    await openTab(host, 'requestViews.tabs.events');
    await visible(host.getByTestId('event').filter({ hasText: reason }));

    // Edit: one more visitor, a later departure, and a tobacco-and-alcohol line with its reason.
    await button(host, zh('requestViews.actions.edit')).click();
    await visible(host.getByRole('heading', { name: zh('requestForm.titleEdit', { code }) }));
    await visible(
      host.getByText(
        zh('requestForm.returnedBy', { by: c.people.head.displayName, comment: reason }),
      ),
    );
    await typeVisitor(host, { name: '孙七', title: '技术总监', phone: '13500135000' });
    await typeDate(host, 'departureDate', later);
    const tobacco = host.getByLabel(
      `${zh('requestForm.expense.tobacco_alcohol')} ${zh('requestForm.budget.amount')}`,
      { exact: true },
    );
    await tobacco.fill('200');
    await tobacco.blur();
    await host
      .getByLabel(
        `${zh('requestForm.expense.tobacco_alcohol')} ${zh('requestForm.budget.reason')}`,
        { exact: true },
      )
      .fill('晚宴用酒');
    const p = host.getByTestId('request-panel');
    await visible(p.locator('li[data-code="budget_over_estimate"].rf-check-warn'));
    await submitForm(host);
    await expectStatus(host, 'approving');
    expect(requestRow(j.srv, id)).toMatchObject({
      status: 'approving',
      revision: 2,
      visitor_count: 3,
    });
    expect(
      steps(j.srv, id)
        .filter((s) => s.revision === 2)
        .map((s) => [s.kind, s.status]),
    ).toEqual([
      ['dept_head', 'pending'],
      ['admin_office', 'waiting'],
    ]);

    // The head's inbox row lists the changes since he returned it; he approves.
    await navigate(head, 'nav.approvals');
    const row = inboxRow(head, code);
    await visible(row);
    const toggle = button(row, zh('requestViews.change.inboxSummary', { count: 4 }));
    await toggle.click();
    const changes = row.getByTestId('changes').locator('li');
    await expect.poll(() => changes.count(), { timeout: UI_TIMEOUT }).toBe(4);
    const lines = (await changes.allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${zh('requestViews.change.added')} ${zh('requestViews.field.visitors')} 孙七 · 技术总监$`,
          ),
        ),
        expect.stringContaining(zh('requestViews.field.departureDate')),
        expect.stringContaining(
          `${zh('requestViews.field.budget')} · ${zh('labels.expense.tobacco_alcohol')} ¥0.00 ¥200.00`,
        ),
        // One more person at the lunch: two visitors and a companion, now three visitors.
        expect.stringContaining(
          `${zh('requestViews.field.budget')} · ${zh('labels.expense.meals')} ¥300.00 ¥400.00`,
        ),
      ]),
    );
    await approveIn(row, head);
    await row.waitFor({ state: 'detached' });
    expect(steps(j.srv, id).find((s) => s.revision === 2 && s.kind === 'dept_head')).toMatchObject({
      status: 'approved',
      decided_by: c.people.head.id,
    });
    expect(requestRow(j.srv, id)?.status).toBe('approved');
  });

  it('(d) the head delegates on the 审批委托 page; the delegate approves on his behalf', async () => {
    const from = today();
    const to = addDays(from, 7);
    const head = await openAs(j, c.people.head);
    await navigate(head, 'nav.delegations');
    await visible(head.getByRole('heading', { name: zh('requestAdmin.delegations.title') }));
    await pickOption(head, 'delegateUserId', `${c.people.delegate.displayName} · 市场部`);
    await typeRange(head, 'delegationDates', from, to);
    await button(head, zh('requestAdmin.delegations.submit')).click();
    await visible(
      head.getByText(
        zh('requestAdmin.delegations.created', { name: c.people.delegate.displayName }),
      ),
    );
    const given = head.getByRole('row').filter({ hasText: c.people.delegate.displayName });
    await visible(given);
    expect(await given.innerText()).toContain(`${from} ${zh('requestAdmin.delegations.to')} ${to}`);
    expect(await given.innerText()).toContain(zh('requestAdmin.delegations.active'));
    expect(
      j.srv.app.sqlite
        .prepare('select user_id, delegate_user_id, from_date, to_date from delegations')
        .all(),
    ).toEqual([
      {
        user_id: c.people.head.id,
        delegate_user_id: c.people.delegate.id,
        from_date: from,
        to_date: to,
      },
    ]);

    const orgName = '远景能源';
    const { id, code } = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName, arrivalDate: addDays(today(), 5) }),
    );

    // The delegate sees the head's task, marked as on his behalf, and approves it.
    const delegate = await openAs(j, c.people.delegate);
    await navigate(delegate, 'nav.approvals');
    const row = inboxRow(delegate, code);
    await visible(row);
    expect(await row.getByTestId('on-behalf').innerText()).toBe(
      zh('requestViews.actions.onBehalf', { name: c.people.head.displayName }),
    );
    await approveIn(row, delegate);
    await row.waitFor({ state: 'detached' });
    expect(steps(j.srv, id)[0]).toMatchObject({
      kind: 'dept_head',
      status: 'approved',
      decided_by: c.people.delegate.id,
      on_behalf_of: c.people.head.id,
    });
    expect(
      j.srv.app.sqlite
        .prepare(
          `select actor_user_id, actor_name, on_behalf_of_user_id, on_behalf_of_name from audit_log
            where operation = 'approvals.decide' and entity_id = ?`,
        )
        .all(String(id)),
    ).toEqual([
      {
        actor_user_id: c.people.delegate.id,
        actor_name: c.people.delegate.displayName,
        on_behalf_of_user_id: c.people.head.id,
        on_behalf_of_name: c.people.head.displayName,
      },
    ]);

    // The host's dossier names both.
    const host = await openAs(j, c.people.host);
    await go(host, `/requests/${id}`);
    await openTab(host, 'requestViews.tabs.approval');
    const step = host.locator('.rv-step').first();
    await visible(step.getByText(c.people.delegate.displayName, { exact: true }));
    await visible(
      step.getByText(zh('requestViews.approval.onBehalf', { name: c.people.head.displayName })),
    );
    await openTab(host, 'requestViews.tabs.events');
    const event = await host.getByTestId('event').first().innerText();
    expect(event).toContain(c.people.delegate.displayName);
    expect(event).toContain(
      zh('requestViews.approval.onBehalf', { name: c.people.head.displayName }),
    );
    expect(event).toContain(zh('requestViews.event.approved'));

    // So does the audit log, for the system administrator.
    const admin = await openAs(j, { ...c.people.host, cookie: c.adminCookie });
    await navigate(admin, 'nav.audit');
    const entry = admin
      .locator('.ant-table-tbody .ant-table-row')
      .filter({ hasText: zh('ops.approvals.decide') })
      .filter({ hasText: zh('audit.onBehalfOf', { name: c.people.head.displayName }) });
    await visible(entry);
    expect(await entry.count()).toBe(1);
    expect(await entry.innerText()).toContain(c.people.delegate.displayName);
  });

  it('(e) company-paid lodging adds the executive, who approves after the head', async () => {
    const arrival = addDays(today(), 8);
    const host = await openAs(j, c.people.host);
    await go(host, '/requests/new');
    await visible(host.getByRole('heading', { name: zh('requestForm.titleNew') }));
    await fillBasic(host, {
      orgName: '金风科技',
      purpose: '风机叶片联合研发洽谈',
      arrival,
      departure: addDays(arrival, 2),
    });
    await typeVisitor(host, { name: '马骏', title: '副总裁', phone: '13300133000' });
    await host.locator('[id="needs.hotelNights"]').fill('2');
    await host.locator('[id="needs.hotelRooms"]').fill('1');

    const p = host.getByTestId('request-panel');
    const chain = p.locator('.rf-chain .ant-steps-item-title');
    await expect
      .poll(() => chain.allInnerTexts(), { timeout: UI_TIMEOUT })
      .toEqual([zh('labels.stepKind.dept_head'), zh('labels.stepKind.admin_office')]);
    await host.locator('[id="needs.companyPaysLodging"]').check();
    // Before submitting, the panel shows the executive and why.
    await expect
      .poll(() => chain.allInnerTexts(), { timeout: UI_TIMEOUT })
      .toEqual([
        zh('labels.stepKind.dept_head'),
        zh('labels.stepKind.executive'),
        zh('labels.stepKind.admin_office'),
      ]);
    await visible(
      p.getByText(
        zh('requestForm.chain.addedBecause', {
          reason: zh('requestForm.checkTitles.company_lodging'),
        }),
      ),
    );
    await visible(p.locator('li[data-code="company_lodging"].rf-check-approval'));
    // Two nights, one room, at ¥450.
    await expect
      .poll(() => p.getByTestId('panel-budget-total').innerText(), { timeout: UI_TIMEOUT })
      .toBe('¥900.00');

    const id = await submitForm(host);
    const code = await host.getByTestId('dossier-code').innerText();
    await expectStatus(host, 'approving');
    expect(await host.locator('.rv-chain .ant-steps-item-title').allInnerTexts()).toEqual([
      zh('labels.stepKind.dept_head'),
      zh('labels.stepKind.executive'),
      zh('labels.stepKind.admin_office'),
    ]);
    expect(steps(j.srv, id).map((s) => [s.kind, s.status])).toEqual([
      ['dept_head', 'pending'],
      ['executive', 'waiting'],
      ['admin_office', 'waiting'],
    ]);
    expect(steps(j.srv, id)[1]?.reason).toBe('company_lodging');

    // The executive has nothing yet: the head comes first.
    const exec = await openAs(j, c.people.executive);
    await navigate(exec, 'nav.approvals');
    await visible(exec.getByText(zh('requestViews.inbox.empty')));

    // The head approves on the dossier itself.
    const head = await openAs(j, c.people.head);
    await go(head, `/requests/${id}`);
    const myStep = head.getByTestId('my-step');
    await visible(myStep);
    await approveIn(myStep, head);
    await gone(myStep);
    expect(steps(j.srv, id).map((s) => s.status)).toEqual(['approved', 'pending', 'waiting']);

    // The task reaches the executive's open inbox by itself; he approves.
    const row = inboxRow(exec, code);
    await visible(row);
    expect(await row.innerText()).toContain(zh('labels.stepKind.executive'));
    await approveIn(row, exec);
    await row.waitFor({ state: 'detached' });
    expect(steps(j.srv, id)[1]).toMatchObject({
      kind: 'executive',
      status: 'approved',
      decided_by: c.people.executive.id,
    });
    expect(requestRow(j.srv, id)?.status).toBe('approved');
  });

  it('(f) two admin-office clerks file the same request at once: one wins, one is told', async () => {
    const orgName = '宁德时代';
    const { id, code } = await submitApi(
      j.url,
      c.people.host,
      requestBody(c.departments.sales, { orgName, arrivalDate: addDays(today(), 9) }),
    );
    await decideApi(j.url, c.people.head, id);
    const filing = steps(j.srv, id)[1];
    if (!filing) throw new Error('no filing step');
    expect(filing).toMatchObject({
      kind: 'admin_office',
      status: 'pending',
      assignee_user_id: null,
    });

    const clerks = [c.people.office, c.people.office2];
    const pages = await Promise.all(clerks.map((p) => openAs(j, p)));
    const label = zh('requestViews.actions.file');
    // Both screens stay as they were when the clerks opened them: without live updates the
    // slower clerk's row cannot vanish under the mouse (on a loaded machine the first decision's
    // event could otherwise refresh it away), so both clicks reach the main process.
    for (const page of pages) {
      await page.route('**/api/events', (route) => route.abort());
      await page.reload();
      await visible(page.getByTestId('sidebar'));
    }
    for (const page of pages) {
      await navigate(page, 'nav.approvals');
      const row = inboxRow(page, code);
      await visible(row);
      await button(row, label).click();
      // Wait until the confirmation stands still, so the clicks below need no more waiting.
      await button(popconfirm(page), label).click({ trial: true });
    }
    // Both confirm at (nearly) the same moment.
    await Promise.all(pages.map((page) => button(popconfirm(page), label).click()));

    const outcomes = await Promise.all(
      pages.map(async (page, i) => {
        const other = clerks[1 - i]!;
        const won = page.getByText(zh('requestViews.decide.approved', { code }));
        const lost = page.getByText(zh('errors.alreadyDecided', { by: other.displayName }));
        await visible(won.or(lost));
        return (await won.count()) > 0 ? 'won' : 'lost';
      }),
    );
    expect([...outcomes].sort()).toEqual(['lost', 'won']);
    const winner = clerks[outcomes.indexOf('won')]!;
    // Both inboxes drop the row.
    for (const page of pages) await inboxRow(page, code).waitFor({ state: 'detached' });

    expect(steps(j.srv, id)[1]).toMatchObject({ status: 'approved', decided_by: winner.id });
    expect(requestRow(j.srv, id)?.status).toBe('filed');
    expect(count(j.srv, 'select count(*) from request_events where step_id = ?', filing.id)).toBe(
      1,
    );
    expect(
      count(
        j.srv,
        `select count(*) from audit_log where operation = 'approvals.decide' and entity_id = ?
           and actor_user_id in (?, ?)`,
        String(id),
        c.people.office.id,
        c.people.office2.id,
      ),
    ).toBe(1);
    expect(
      count(
        j.srv,
        "select count(*) from notifications where kind = 'request.filed' and params like ?",
        `%${code}%`,
      ),
    ).toBe(1);
  });
});
