import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  ok,
  screenshotFailures,
  startJourney,
  visible,
  zh,
  type Journey,
} from './support/journey';
import {
  addDays,
  go,
  openAs,
  requestBody,
  seedCompany,
  today,
  type Company,
} from './support/requests';

/**
 * Issue 7, item 9: a draft is its host's alone. Ids are sequential, so anyone may type a draft's
 * URL: everyone but the host is told it does not exist; once submitted, the approvers see it.
 */
describe("a draft is the host's own", () => {
  let j: Journey;
  let c: Company;

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it("another user opening a draft's URL is told it does not exist", async () => {
    const arrival = addDays(today(), 5);
    const body = requestBody(c.departments.sales, {
      orgName: '华东精密仪器有限公司',
      arrivalDate: arrival,
    });
    const draft = ok(
      await api(
        j.url,
        'requests.saveDraft',
        { id: null, version: null, body },
        c.people.host.cookie,
      ),
    );

    for (const person of [c.people.office, c.people.head]) {
      const page = await openAs(j, person);
      await go(page, `/requests/${draft.id}`);
      await visible(page.getByText(zh('requestViews.notFound.title')));
      expect(await page.getByTestId('dossier-code').count()).toBe(0);
      expect(await page.getByText('华东精密仪器有限公司').count()).toBe(0);
      await page.close();
    }

    // The host sees his draft.
    const host = await openAs(j, c.people.host);
    await go(host, `/requests/${draft.id}`);
    await visible(host.getByTestId('dossier-code'));
    expect(await host.getByTestId('dossier-code').innerText()).toBe(draft.code);
    await host.close();

    // Submitted, it is the approvers' to read.
    ok(
      await api(
        j.url,
        'requests.submit',
        { id: draft.id, version: draft.version, body },
        c.people.host.cookie,
      ),
    );
    const office = await openAs(j, c.people.office);
    await go(office, `/requests/${draft.id}`);
    await visible(office.getByTestId('dossier-code'));
    await office.close();
  });
});
