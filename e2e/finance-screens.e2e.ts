import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../shared/i18n/translate';
import { formatYuan } from '../shared/money';
import { seedVisit } from '../main/domains/expenses/finance-seed';
import { expectAccessible } from './support/axe';
import {
  api,
  createUserApi,
  ok,
  navigate,
  screenshotFailures,
  shotPath,
  signInApi,
  sidebarItems,
  startJourney,
  tr,
  visible,
  type Journey,
  settled,
} from './support/journey';
import {
  openAs,
  PASSWORD,
  seedCompany,
  today,
  type Company,
  type Person,
} from './support/requests';

/**
 * Issue 12 items 5 and 7 (finance's screens): the reconciliation queue, the period report with
 * its department × category matrix where every figure opens the lines behind it, and the
 * dashboard, on visits of this month seeded straight into the database (the lines' own screens
 * are other areas'). zh-CN and en screenshots, axe on each.
 *
 * This month: 销售部 B-tier lunch 900.00 for 6 (cap 130.00 → 120.00 over), a car 200.00;
 * 市场部 A-tier dinner 600.00 for 4 (at the cap). Total 1,700.00.
 */
describe('finance: 报帐审核, 费用统计, 费用看板', () => {
  let j: Journey;
  let c: Company;
  let finance: Person;
  const month = today().slice(0, 7);
  const day = `${month}-01`;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    const user = await createUserApi(j.url, c.adminCookie, {
      login: 'qian.kuaiji',
      displayName: '钱会计',
      roles: ['finance'],
      password: PASSWORD,
    });
    finance = {
      id: user.id,
      login: 'qian.kuaiji',
      displayName: '钱会计',
      cookie: await signInApi(j.url, 'qian.kuaiji', PASSWORD),
    };
    const db = j.srv.app.db;
    const now = Date.now();
    await seedVisit(
      db,
      {
        code: 'JD-FIN-001',
        orgName: '华东精密仪器有限公司',
        tier: 'B',
        departmentId: c.departments.sales,
        hostUserId: c.people.host.id,
        arrivalDate: day,
        reconciliation: { status: 'approving', submittedAtMs: now - 3_600_000 },
        lines: [
          {
            category: 'meals',
            spentOn: day,
            amountFen: 90_000,
            visitors: 4,
            companions: 2,
            vendor: '海底捞（张江店）',
            invoiceNo: '26312000000012345678',
          },
          { category: 'vehicles', spentOn: day, amountFen: 20_000, vendor: '大众出租' },
        ],
      },
      now,
    );
    await seedVisit(
      db,
      {
        code: 'JD-FIN-002',
        orgName: '上海电气集团',
        tier: 'A',
        departmentId: c.departments.marketing,
        hostUserId: c.people.host.id,
        arrivalDate: day,
        reconciliation: { status: 'settled', submittedAtMs: now - 7_200_000 },
        lines: [
          {
            category: 'meals',
            spentOn: day,
            amountFen: 60_000,
            visitors: 3,
            companions: 1,
            vendor: '老房子',
          },
        ],
      },
      now,
    );
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('a host sees no finance menu; finance sees 报帐审核, 费用统计 and 费用看板', async () => {
    const host = await openAs(j, c.people.host, 'zh-CN');
    const hostMenu = await sidebarItems(host);
    expect(hostMenu).not.toContain(tr('zh-CN', 'expensesFinance.nav.report'));
    const page = await openAs(j, finance, 'zh-CN');
    const menu = await sidebarItems(page);
    for (const key of ['queue', 'report', 'dashboard']) {
      expect(menu).toContain(tr('zh-CN', `expensesFinance.nav.${key}`));
    }
  });

  for (const language of ['zh-CN', 'en'] as Language[]) {
    const t = (key: string, params?: Record<string, string | number>) => tr(language, key, params);
    const money = (fen: number) => formatYuan(fen, language);
    const open = async () => {
      ok(await api(j.url, 'auth.setLanguage', { language }, finance.cookie));
      return openAs(j, finance, language);
    };

    it(`${language}: the queue lists the reconciliation being verified, with its sums`, async () => {
      const page = await open();
      await navigate(page, 'expensesFinance.nav.queue', language);
      await visible(page.getByRole('heading', { name: t('expensesFinance.queue.title') }));
      const queue = page.getByTestId('queue-approving');
      await visible(queue.getByRole('link', { name: 'JD-FIN-001' }));
      await visible(queue.getByText(money(110_000)));
      await visible(queue.getByText(money(12_000)));
      // At 1280×800 the queue fits: no sideways scrolling, the sums in view.
      const overflow = await queue
        .locator('.ant-table-content, .ant-table-body')
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const overCap = await queue.getByText(money(12_000)).boundingBox();
      expect((overCap?.x ?? Infinity) + (overCap?.width ?? 0)).toBeLessThanOrEqual(1280);
      await settled(page, { ignoreEndless: true });
      await page.screenshot({ path: shotPath(language, 'finance-queue') });
      await expectAccessible(page, `finance queue ${language}`);
    });

    it(`${language}: the month's report by department and the matrix; a figure opens its lines`, async () => {
      const page = await open();
      await navigate(page, 'expensesFinance.nav.report', language);
      await visible(page.getByRole('heading', { name: t('expensesFinance.report.title') }));
      await visible(page.getByTestId('fin-period').getByText(month));
      const rows = page.getByTestId('fin-report-rows');
      await visible(rows.getByText('销售部'));
      await visible(rows.getByText(money(110_000)));
      await visible(rows.getByText(money(170_000)).first());
      const matrix = page.getByTestId('fin-matrix');
      await visible(matrix.getByText(money(90_000)));
      await settled(page, { ignoreEndless: true });
      await page.screenshot({ path: shotPath(language, 'finance-report'), fullPage: true });
      await expectAccessible(page, `finance report ${language}`);

      // 销售部 × 餐费: the one lunch behind it.
      await matrix
        .getByRole('link', { name: `销售部 ${t('labels.expense.meals')}: ${money(90_000)}` })
        .click();
      await visible(page.getByRole('heading', { name: t('expensesFinance.lines.title') }));
      const lines = page.getByTestId('fin-lines');
      await visible(lines.getByText('海底捞（张江店）'));
      await visible(lines.getByText(t('expensesFinance.lines.count', { count: 1 })));
      expect(await lines.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
      // The lines belong to 费用统计 in the sidebar (their figures are the report's).
      await visible(
        page
          .getByTestId('sidebar')
          .locator('.ant-menu-item-selected', { hasText: t('expensesFinance.nav.report') }),
      );
      await settled(page, { ignoreEndless: true });
      await page.screenshot({ path: shotPath(language, 'finance-lines') });
      await expectAccessible(page, `finance lines ${language}`);

      // By tier: A and B; the tier's figure opens both its lines.
      await page.goBack();
      await page
        .getByTestId('fin-groupby')
        .locator('.ant-segmented-item', { hasText: t('expensesFinance.report.by.tier') })
        .click();
      await visible(rows.getByText(t('labels.tier.A')));
      await rows.getByRole('link', { name: `${t('labels.tier.B')}: ${money(110_000)}` }).click();
      await visible(lines.getByText('大众出租'));
      expect(await lines.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
    });

    it(`${language}: the dashboard shows the month's visits, spend, meals per head and the top over the cap`, async () => {
      const page = await open();
      await navigate(page, 'expensesFinance.nav.dashboard', language);
      await visible(page.getByRole('heading', { name: t('expensesFinance.dashboard.title') }));
      await visible(page.getByTestId('dash-visits').locator('.recharts-bar-rectangle').first());
      const meals = page.getByTestId('dash-meals');
      await visible(meals.getByText(money(15_000)).first());
      await visible(meals.getByText(t('expensesFinance.dashboard.aboveCap')));
      const top = page.getByTestId('dash-top');
      await visible(top.getByRole('link', { name: 'JD-FIN-001' }));
      await visible(top.getByText(money(12_000)));
      await settled(page, { ignoreEndless: true });
      await page.screenshot({ path: shotPath(language, 'finance-dashboard'), fullPage: true });
      await expectAccessible(page, `finance dashboard ${language}`);
      // A department's figure opens its lines.
      await page.getByTestId('dash-departments').getByRole('link', { name: '市场部' }).click();
      await visible(page.getByTestId('fin-lines').getByText('老房子'));
    });
  }
});
