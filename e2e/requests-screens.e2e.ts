import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '../shared/i18n/translate';
import { residentIdCheckDigitOk } from '../shared/validation/contact';
import { emptyRequestBody, type RequestBody } from '../shared/requests/schema';
import {
  api,
  button,
  ok,
  screenshotFailures,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  VIEWPORT,
  type Journey,
  settled,
} from './support/journey';
import { expectAccessible } from './support/axe';
import {
  addDays,
  decideApi,
  go,
  listLinks,
  openAs,
  openTab,
  previewSettled,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
  type Person,
} from './support/requests';

/** Where the pictures go (git-ignored): e2e/screenshots/<language>/requests-<screen>.png */
const OUT = path.resolve(__dirname, 'screenshots');
const LANGUAGES: Language[] = ['zh-CN', 'en'];
const RAW_KEY =
  /\b(app|common|nav|roles|errors|validation|notifications|setup|login|lock|account|home|users|departments|audit|settings|ops|entities|checks|requestForm|requestViews|requestAdmin)\.[a-zA-Z_]+/;

/**
 * Waits until nothing moves (antd's zoom and fade, spinners), saves the whole page, and checks that the screen fits 1280 px and shows no catalog key.
 */
async function shoot(page: Page, language: Language, name: string) {
  await settled(page);
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  await page.locator('.ant-skeleton-active').first().waitFor({ state: 'detached' });
  const dir = path.join(OUT, language);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `requests-${name}.png`);
  // The whole page in one picture: a window-sized one beside it showed nothing more, and each
  // picture costs a quarter of a second.
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.statSync(file).size, file).toBeGreaterThan(5_000);
  const { overflow, text } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    text: document.body.innerText,
  }));
  expect(overflow, `${language}/${name} scrolls sideways`).toBeLessThanOrEqual(0);
  expect(text, `${language}/${name}`).not.toMatch(RAW_KEY);
  await expectAccessible(page, `${language}/${name}`);
}

/** A resident ID of the right shape whose check digit is wrong (a warning on the form). */
function badResidentId(): string {
  const stem = '11010519491231002';
  const id = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']
    .map((d) => stem + d)
    .find((candidate) => !residentIdCheckDigitOk(candidate));
  if (!id) throw new Error('no wrong check digit');
  return id;
}

describe('screenshots of the reception-request screens', () => {
  let j: Journey;
  let c: Company;
  const ids = { filed: 0, changed: 0, draft: 0 };

  beforeAll(async () => {
    j = await startJourney();
    for (const language of LANGUAGES) {
      const dir = path.join(OUT, language);
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('requests-'))) {
        fs.rmSync(path.join(dir, f));
      }
    }
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('fills the database with requests in every state', async () => {
    c = await seedCompany(j.url);
    const { host, head, office, delegate } = c.people;
    const sales = c.departments.sales;
    const d0 = today();

    // Filed: approved by the head, filed by the admin office, with a lunch and a dinner.
    const a = addDays(d0, 4);
    const filed = await submitApi(
      j.url,
      host,
      requestBody(sales, {
        orgName: '华东电力设计院',
        arrivalDate: a,
        purpose: '配电自动化项目技术交流，确认二期方案',
        needs: {
          ...emptyRequestBody().needs,
          meals: [
            { date: a, meal: 'lunch', perHeadFen: null },
            { date: a, meal: 'dinner', perHeadFen: 9000 },
          ],
          meetingRoom: true,
          equipment: ['projector', 'video_conference'],
        },
        itinerary: [
          { date: a, time: '09:30', activity: '参观展厅', place: '一号楼', owner: '李娜' },
          { date: a, time: '14:00', activity: '技术交流会', place: '三楼会议室', owner: '张伟' },
        ],
      }),
    );
    await decideApi(j.url, head, filed.id);
    await decideApi(j.url, office, filed.id);
    ids.filed = filed.id;

    // Returned, then resubmitted with changes: waits for the head, who sees what changed.
    const b = addDays(d0, 6);
    const first = requestBody(sales, { orgName: '中建三局', arrivalDate: b });
    const changed = await submitApi(j.url, host, first);
    await decideApi(j.url, head, changed.id, 'return', '请补充随行技术负责人，离开日期延后一天');
    const again = ok(await api(j.url, 'requests.get', { id: changed.id }, host.cookie));
    ok(
      await api(
        j.url,
        'requests.submit',
        {
          id: changed.id,
          version: again.version,
          body: {
            ...first,
            departureDate: addDays(b, 2),
            visitors: [
              ...first.visitors,
              {
                name: '孙七',
                title: '技术总监',
                phone: '13500135000',
                idType: 'passport',
                idNumber: 'E12345678',
                notes: '素食',
              },
            ],
            needs: { ...first.needs, hotelNights: 2, hotelRooms: 2, companyPaysLodging: true },
            budget: [{ category: 'tobacco_alcohol', amountFen: 20000, reason: '晚宴用酒' }],
          },
        },
        host.cookie,
      ),
    );
    ids.changed = changed.id;

    // Approving at the executive; one cancelled; one rejected.
    const lodging = await submitApi(
      j.url,
      host,
      requestBody(sales, { orgName: '金风科技', arrivalDate: addDays(d0, 8) }),
    );
    await decideApi(j.url, head, lodging.id);
    const cancelled = await submitApi(
      j.url,
      host,
      requestBody(sales, { orgName: '远景能源', arrivalDate: addDays(d0, 10) }),
    );
    ok(
      await api(
        j.url,
        'requests.cancel',
        { id: cancelled.id, version: cancelled.version, reason: '对方行程取消' },
        host.cookie,
      ),
    );
    const rejected = await submitApi(
      j.url,
      host,
      requestBody(sales, { orgName: '某贸易公司', arrivalDate: addDays(d0, 3) }),
    );
    await decideApi(j.url, head, rejected.id, 'reject', '与本部门业务无关');

    // A draft with a bit of everything: tier A tomorrow (blocked), lodging, a meal over the cap.
    const t = addDays(d0, 1);
    const draftBody: RequestBody = requestBody(sales, {
      orgName: '市发展和改革委员会',
      orgCategory: 'government',
      tier: 'A',
      purpose: '调研企业数字化转型情况，座谈并参观生产线',
      arrivalDate: t,
      departureDate: addDays(t, 1),
      visitors: [
        {
          name: '周建国',
          title: '副主任',
          phone: '13600136000',
          idType: 'resident_id',
          idNumber: badResidentId(),
          notes: '',
        },
        {
          name: '吴敏',
          title: '处长',
          phone: '010-65529988',
          idType: null,
          idNumber: '',
          notes: '',
        },
        { name: '郑凯', title: '科员', phone: '', idType: null, idNumber: '', notes: '清真' },
      ],
      companions: [
        { userId: head.id, name: head.displayName },
        { userId: null, name: '吴经理' },
      ],
      itinerary: [
        { date: t, time: '10:00', activity: '座谈会', place: '行政楼二层', owner: '张伟' },
        {
          date: addDays(t, 1),
          time: '09:00',
          activity: '参观生产线',
          place: '二号厂房',
          owner: '李娜',
        },
      ],
      needs: {
        ...emptyRequestBody().needs,
        pickup: true,
        dropoff: true,
        hotelNights: 1,
        hotelRooms: 2,
        companyPaysLodging: true,
        meals: [
          { date: t, meal: 'lunch', perHeadFen: 18000 },
          { date: t, meal: 'dinner', perHeadFen: null },
        ],
        banner: true,
        welcomeSign: true,
      },
    });
    const draft = ok(
      await api(
        j.url,
        'requests.saveDraft',
        { id: null, version: null, body: draftBody },
        host.cookie,
      ),
    );
    ids.draft = draft.id;

    // The head is away next week: 孙丽 decides for him.
    ok(
      await api(
        j.url,
        'delegations.create',
        { delegateUserId: delegate.id, fromDate: addDays(d0, 7), toDate: addDays(d0, 14) },
        head.cookie,
      ),
    );
  });

  for (const language of LANGUAGES) {
    it(`every reception screen in ${language}`, async () => {
      const t = (key: string, params?: Record<string, string | number>) =>
        tr(language, key, params);
      const signedIn = async (person: Person) => {
        ok(await api(j.url, 'auth.setLanguage', { language }, person.cookie));
        const page = await openAs(j, person, language);
        expect(page.viewportSize()).toEqual(VIEWPORT);
        return page;
      };
      const { host, head, office } = c.people;

      // The form, filled, with the panel's checks.
      const hostPage = await signedIn(host);
      await go(hostPage, `/requests/${ids.draft}/edit`);
      await previewSettled(hostPage);
      const checks = hostPage.getByTestId('panel-checks').locator('li');
      await expect.poll(() => checks.count(), { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(5);
      await shoot(hostPage, language, 'form');
      await hostPage.locator('#rf-needs').scrollIntoViewIfNeeded();
      await shoot(hostPage, language, 'form-needs');

      await go(hostPage, '/requests/mine');
      await visible(hostPage.getByRole('heading', { name: t('requestAdmin.mine.title') }));
      await visible(listLinks(hostPage));
      await shoot(hostPage, language, 'mine');

      await go(hostPage, `/requests/${ids.filed}/print`);
      await visible(hostPage.getByTestId('print-sheet'));
      await shoot(hostPage, language, 'print');

      // The head: inbox with a changed request, the dossier tab by tab, delegations.
      const headPage = await signedIn(head);
      await go(headPage, '/approvals');
      await visible(headPage.getByTestId('inbox-row'));
      const changedRow = headPage.getByTestId('inbox-row').filter({
        has: headPage.locator('.rv-changes-toggle'),
      });
      await changedRow.locator('.rv-changes-toggle').click();
      await visible(changedRow.getByTestId('changes'));
      await shoot(headPage, language, 'inbox');

      await go(headPage, `/requests/${ids.changed}`);
      await visible(headPage.getByTestId('my-step'));
      await shoot(headPage, language, 'dossier-summary');
      for (const tab of [
        'visitors',
        'itinerary',
        'needs',
        'checks',
        'budget',
        'approval',
        'changes',
        'events',
      ]) {
        await openTab(headPage, `requestViews.tabs.${tab}`, language);
        await shoot(headPage, language, `dossier-${tab}`);
      }
      await button(headPage.getByTestId('my-step'), t('requestViews.actions.return')).click();
      await visible(headPage.getByRole('dialog'));
      await shoot(headPage, language, 'dossier-return-dialog');
      await button(headPage.getByRole('dialog'), t('common.cancel')).click();
      await headPage.getByRole('dialog').waitFor({ state: 'hidden' });

      await go(headPage, '/delegations');
      await visible(headPage.getByRole('cell', { name: c.people.delegate.displayName }));
      await shoot(headPage, language, 'delegations');

      // The admin office: every request, and its inbox of filings.
      const officePage = await signedIn(office);
      await go(officePage, '/requests/all');
      await visible(officePage.getByRole('heading', { name: t('requestAdmin.all.title') }));
      await expect
        .poll(() => listLinks(officePage).count(), { timeout: UI_TIMEOUT })
        .toBeGreaterThanOrEqual(5);
      await shoot(officePage, language, 'all');
      await go(officePage, '/approvals');
      await visible(officePage.getByTestId('inbox-row'));
      await shoot(officePage, language, 'inbox-office');
      await go(officePage, `/requests/${ids.filed}`);
      await openTab(officePage, 'requestViews.tabs.approval', language);
      await shoot(officePage, language, 'dossier-filed-approval');

      // The system administrator: the policy editor.
      ok(await api(j.url, 'auth.setLanguage', { language }, c.adminCookie));
      const admin = await openAs(j, { ...host, cookie: c.adminCookie }, language);
      await go(admin, '/policy');
      await visible(admin.getByRole('heading', { name: t('requestAdmin.policy.title') }));
      await shoot(admin, language, 'policy');

      for (const page of [hostPage, headPage, officePage, admin]) await page.context().close();
      // A tour of some twenty screens, each checked with axe: a minute alone, and more when
      // another journey runs beside it on a busy machine.
    }, 300_000);
  }

  it('wrote every picture', () => {
    const names = [
      'form',
      'form-needs',
      'mine',
      'print',
      'inbox',
      'dossier-summary',
      'dossier-visitors',
      'dossier-itinerary',
      'dossier-needs',
      'dossier-checks',
      'dossier-budget',
      'dossier-approval',
      'dossier-changes',
      'dossier-events',
      'dossier-return-dialog',
      'delegations',
      'all',
      'inbox-office',
      'dossier-filed-approval',
      'policy',
    ];
    for (const language of LANGUAGES) {
      for (const name of names) {
        const file = path.join(OUT, language, `requests-${name}.png`);
        expect(fs.existsSync(file), file).toBe(true);
      }
    }
  });
});
