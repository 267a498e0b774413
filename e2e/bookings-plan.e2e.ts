import fs from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../shared/contract/operations';
import type { Language } from '../shared/i18n/translate';
import { emptyRequestBody, type RequestBody } from '../shared/requests/schema';
import { expectAccessible } from './support/axe';
import {
  api,
  chooseMenuItem,
  button,
  gone,
  ok,
  pickOption,
  screenshotFailures,
  shotPath,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  zh,
  type Journey,
} from './support/journey';
import { ON_POSTGRES } from './support/server';
import {
  addDays,
  decideApi,
  go,
  openAs,
  openTab,
  requestBody,
  seedCompany,
  submitApi,
  today,
  type Company,
  type Person,
} from './support/requests';

/**
 * Issue 10, the plan area: the admin office opens 接待预订, picks a filed request and confirms its
 * plan line by line (car + driver, meeting room, restaurant, hotel), one click each; a second
 * request trying the same car at an overlapping time through the form is refused with the first
 * request named; the first request's dossier lists the bookings with its itinerary and exports
 * them as .ics, which ical.js reads back with the bookings' instants. Screenshots of every screen
 * of the area in both languages, axe on each.
 */
describe('booking a filed request from its plan', () => {
  let j: Journey;
  let c: Company;
  const day1 = addDays(today(), 5);
  const day3 = addDays(today(), 9);
  const ids = { first: 0, second: 0, stale: 0 };
  const codes = { first: '', second: '' };
  const res = { sedan: 0, van: 0, driverA: 0, driverB: 0 };

  const save = async (resource: OpInput<'bookings.saveResource'>['resource']) =>
    ok(
      await api(
        j.url,
        'bookings.saveResource',
        { id: null, version: null, resource },
        c.people.office.cookie,
      ),
    );

  /** A visit with a pickup, a meeting at 10:00, a hotel night, lunch and gifts (more than in stock). */
  const visit = (orgName: string, arrivalDate: string, over: Partial<RequestBody> = {}) => {
    const needs = emptyRequestBody().needs;
    return requestBody(c.departments.sales, {
      orgName,
      arrivalDate,
      departureDate: addDays(arrivalDate, 1),
      arrivalTime: '09:30',
      departureTime: '15:00',
      itinerary: [
        { date: arrivalDate, time: '10:00', activity: '座谈交流', place: '第一会议室', owner: '' },
        { date: arrivalDate, time: '12:00', activity: '午餐', place: '', owner: '' },
        { date: addDays(arrivalDate, 1), time: '', activity: '参观工厂', place: '', owner: '' },
      ],
      needs: {
        ...needs,
        pickup: true,
        pickupPlace: '首都机场T3',
        arrivalTransportNo: 'CA1234',
        meetingRoom: true,
        equipment: ['projector'],
        hotelNights: 1,
        hotelRooms: 2,
        meals: [{ date: arrivalDate, meal: 'lunch', perHeadFen: null }],
        gifts: true,
        giftCount: 2,
      },
      ...over,
    });
  };

  /** Submitted by the host and approved by his head: approved, not yet filed. */
  const approved = async (body: RequestBody) => {
    const d = await submitApi(j.url, c.people.host, body);
    await decideApi(j.url, c.people.head, d.id);
    return d;
  };
  const filed = async (body: RequestBody) => {
    const d = await approved(body);
    await decideApi(j.url, c.people.office, d.id);
    const after = ok(await api(j.url, 'requests.get', { id: d.id }, c.people.office.cookie));
    expect(after.status).toBe('filed');
    return after;
  };

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    res.sedan = (await save({ kind: 'vehicle', plate: '京A 12345', model: '帕萨特', seats: 4 })).id;
    res.van = (await save({ kind: 'vehicle', plate: '京B67890', model: '别克GL8', seats: 7 })).id;
    res.driverA = (
      await save({ kind: 'driver', name: '赵师傅', phone: '13900001111', licenceClass: 'C1' })
    ).id;
    res.driverB = (
      await save({ kind: 'driver', name: '钱师傅', phone: '13900002222', licenceClass: 'B1' })
    ).id;
    await save({
      kind: 'room',
      name: '小会议室',
      place: '3楼',
      capacity: 6,
      equipment: ['whiteboard'],
    });
    await save({
      kind: 'room',
      name: '第一会议室',
      place: '5楼',
      capacity: 20,
      equipment: ['projector', 'video_conference'],
    });
    await save({
      kind: 'hotel',
      name: '锦江宾馆',
      star: 4,
      address: '',
      phone: '',
      roomTypes: [
        { name: '标准间', priceFen: 45_000 },
        { name: '大床房', priceFen: 52_000 },
      ],
    });
    await save({
      kind: 'restaurant',
      name: '老房子餐厅',
      address: '',
      phone: '',
      perHeadFen: 9_000,
      privateRooms: [
        { name: '牡丹厅', capacity: 10 },
        { name: '小包间', capacity: 4 },
      ],
    });
    // One box only: the visit's two gifts cannot be met.
    await save({ kind: 'supply', name: '纪念茶叶', unit: '盒', stock: 1 });

    const first = await filed(visit('华东精密仪器有限公司', day1));
    ids.first = first.id;
    codes.first = first.code;
    const second = await filed(
      requestBody(c.departments.sales, { orgName: '宁德时代新能源', arrivalDate: day1 }),
    );
    ids.second = second.id;
    codes.second = second.code;
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  const line = (page: Page, key: string) =>
    page.locator(`[data-testid="plan-line"][data-key="${key}"]`);

  it('confirms the plan line by line, refuses a clashing car, and exports the itinerary', async () => {
    const office = await openAs(j, c.people.office);
    // 接待预订 in the menu → the list → the request.
    await office
      .getByTestId('sidebar')
      .getByRole('menuitem', { name: zh('bookingsPlan.nav') })
      .click();
    await visible(office.getByRole('heading', { name: zh('bookingsPlan.toPlan.title') }));
    const row = office.locator(`[data-testid="to-plan-row"][data-code="${codes.first}"]`);
    await visible(row);
    await row
      .getByRole('link', { name: zh('bookingsPlan.toPlan.open', { code: codes.first }) })
      .click();
    await visible(office.getByTestId('plan-code'));
    expect(await office.getByTestId('plan-code').innerText()).toContain(codes.first);

    // The gifts cannot be met (one in stock, two asked): said, not dropped.
    await visible(line(office, 'gifts').getByTestId('unmet-tag'));

    // One click per line; each then shows 已确认.
    for (const key of ['pickup', `room-${day1}-10:00`, `meal-${day1}-lunch`, 'hotel']) {
      const card = line(office, key);
      await card.getByTestId('confirm-line').click();
      const status = card.getByTestId('booking-status');
      await visible(status);
      await expect
        .poll(() => status.innerText(), { timeout: UI_TIMEOUT })
        .toBe(zh('bookings.status.confirmed'));
    }
    // The car shows when the driver must be there: 15 minutes before the 09:30 pickup.
    expect(await line(office, 'pickup').getByTestId('driver-call').innerText()).toContain('09:15');
    const booked = ok(
      await api(j.url, 'bookings.ofRequest', { requestId: ids.first }, c.people.office.cookie),
    );
    expect(booked.map((b) => [b.needKey, b.status]).sort()).toEqual(
      [
        ['hotel', 'confirmed'],
        [`meal-${day1}-lunch`, 'confirmed'],
        ['pickup', 'confirmed'],
        [`room-${day1}-10:00`, 'confirmed'],
      ].sort(),
    );
    const pickup = booked.find((b) => b.needKey === 'pickup');
    if (pickup?.detail.kind !== 'car') throw new Error('no car booked');
    expect(pickup.detail.vehicleId).toBe(res.sedan);
    const freeDriver = pickup.detail.driverId === res.driverA ? res.driverB : res.driverA;

    // The second request wants the same car at 09:00–10:00 that day: refused, the first named.
    await go(office, `/bookings/plan/${ids.second}`);
    await visible(office.getByText(codes.second, { exact: false }).first());
    const dialog = office.getByRole('dialog');
    await chooseMenuItem(
      office,
      office.getByTestId('add-by-hand'),
      zh('bookings.kind.car'),
      dialog.getByText(zh('bookingsPlan.form.newTitle', { kind: zh('bookings.carKind.transfer') })),
    );
    await pickOption(
      office,
      'detail.vehicleId',
      zh('bookingsPlan.form.seatsOption', { name: '京A12345', model: '帕萨特', seats: 4 }),
    );
    const drivers = ok(
      await api(
        j.url,
        'bookings.resources',
        { kind: 'driver', includeInactive: false },
        c.people.office.cookie,
      ),
    );
    const other = drivers.find((d) => d.id === freeDriver);
    if (other?.details.kind !== 'driver') throw new Error('no driver');
    await pickOption(
      office,
      'detail.driverId',
      zh('bookingsPlan.form.driverOption', { name: other.name, phone: other.details.phone }),
    );
    await dialog.locator('[id="detail.from"]').fill('公司');
    await dialog.locator('[id="detail.to"]').fill('工厂');
    await dialog.getByTestId('save-confirmed').click();
    const refusal = dialog.getByTestId('booking-refusal');
    await visible(refusal);
    expect(await refusal.innerText()).toContain(codes.first);
    expect(await refusal.innerText()).toContain('京A12345');
    await button(dialog, zh('common.cancel')).click();
    await gone(dialog);
    expect(
      ok(await api(j.url, 'bookings.ofRequest', { requestId: ids.second }, c.people.office.cookie)),
    ).toEqual([]);

    // Without a mouse: Tab to the second request's lunch line and confirm it with Enter.
    await office.reload();
    const lunch = line(office, `meal-${day1}-lunch`);
    const confirmLunch = lunch.getByTestId('confirm-line');
    await visible(confirmLunch);
    const focused = () => confirmLunch.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 80 && !(await focused()); i++) await office.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await office.keyboard.press('Enter');
    await visible(lunch.getByTestId('booking-status'));
    await expect
      .poll(() => lunch.getByTestId('booking-status').innerText(), { timeout: UI_TIMEOUT })
      .toBe(zh('bookings.status.confirmed'));

    // The first request's dossier: its bookings with the itinerary, and the .ics.
    await go(office, `/requests/${ids.first}`);
    await openTab(office, 'bookingsPlan.tab.title');
    const tab = office.getByTestId('request-bookings');
    await visible(tab.getByTestId('timeline-booking'));
    await expect.poll(() => tab.getByTestId('timeline-booking').count()).toBe(4);
    await expect.poll(() => tab.getByTestId('timeline-item').count()).toBe(3);
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      tab.getByTestId('export-ics').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(4 + 3);
    const starts = new Map(
      events
        .filter((e) => e.uid.startsWith('booking-'))
        .map((e) => [e.uid.split('@')[0], e.startDate.toJSDate().getTime()]),
    );
    expect(starts.size).toBe(4);
    for (const b of booked) expect(starts.get(`booking-${b.id}`)).toBe(b.startMs);
  });

  it('a request changed and approved again shows which bookings no longer match', async () => {
    // Approved (not yet filed), its pickup booked, then the arrival moves an hour.
    const d = await approved(visit('苏州汇川技术', day3));
    ids.stale = d.id;
    const plan = ok(await api(j.url, 'bookings.plan', { requestId: d.id }, c.people.office.cookie));
    const pickup = plan.lines.find((l) => l.key === 'pickup');
    const hotel = plan.lines.find((l) => l.key === 'hotel');
    if (pickup?.proposal.kind !== 'car' || hotel?.proposal.kind !== 'hotel') {
      throw new Error('no pickup or hotel line');
    }
    const book = async (
      needKey: string,
      detail: OpInput<'bookings.save'>['detail'],
      status: 'tentative' | 'confirmed' = 'confirmed',
    ) =>
      ok(
        await api(
          j.url,
          'bookings.save',
          { id: null, version: null, requestId: d.id, needKey, status, detail },
          c.people.office.cookie,
        ),
      );
    await book('pickup', { ...pickup.proposal, vehicleId: res.van, driverId: res.driverA });
    await book(
      'hotel',
      { ...hotel.proposal, hotelId: hotel.candidates[0]?.id ?? 0, roomType: '标准间' },
      'tentative',
    );
    const now = ok(await api(j.url, 'requests.get', { id: d.id }, c.people.host.cookie));
    ok(
      await api(
        j.url,
        'requests.submit',
        { id: d.id, version: now.version, body: { ...now.body, arrivalTime: '10:30' } },
        c.people.host.cookie,
      ),
    );
    await decideApi(j.url, c.people.head, d.id);
    const after = ok(
      await api(j.url, 'bookings.plan', { requestId: d.id }, c.people.office.cookie),
    );
    expect(after.lines.find((l) => l.key === 'pickup')?.stale).toBe(true);
    expect(after.lines.find((l) => l.key === 'hotel')?.stale).toBe(false);
  });

  const shoot = (page: Page, language: Language, name: string) =>
    page.screenshot({ path: shotPath(language, `bookings-plan-${name}`), fullPage: true });

  for (const language of ['zh-CN', 'en'] as const) {
    // The screens are the same on either store: their pictures and axe run on SQLite only.
    it.skipIf(ON_POSTGRES)(`every screen of the plan area in ${language}`, async () => {
      const t = (key: string, params?: Record<string, string | number>) =>
        tr(language, key, params);
      const person: Person = c.people.office;
      ok(await api(j.url, 'auth.setLanguage', { language }, person.cookie));
      const page = await openAs(j, person, language);

      await go(page, '/bookings');
      await visible(page.locator('[data-testid="to-plan-row"]'));
      await shoot(page, language, 'to-plan');
      await expectAccessible(page, `to-plan ${language}`);

      // Booked (pickup, stale), tentative (hotel), unbooked (room, lunch) and unmet (gifts).
      await go(page, `/bookings/plan/${ids.stale}`);
      await visible(line(page, 'pickup').getByTestId('stale-tag'));
      await visible(line(page, 'gifts').getByTestId('unmet-tag'));
      await shoot(page, language, 'plan');
      await expectAccessible(page, `plan ${language}`);

      // Every booking form, from 手工预订.
      for (const kind of ['car', 'room', 'hotel', 'restaurant', 'ticket', 'supply'] as const) {
        const dialog = page.getByRole('dialog');
        await chooseMenuItem(
          page,
          page.getByTestId('add-by-hand'),
          t(`bookings.kind.${kind}`),
          dialog.getByTestId('save-confirmed'),
        );
        if (kind === 'restaurant') {
          await dialog.locator('[id="detail.perHeadFen"]').fill('150');
          await visible(dialog.getByTestId('meal-over'));
        }
        await shoot(page, language, `form-${kind}`);
        if (kind === 'room' || kind === 'restaurant') {
          await expectAccessible(page, `form ${kind} ${language}`);
        }
        await button(dialog, t('common.cancel')).click();
        await gone(dialog);
      }
      // Adjust: the form prefilled from the line with its first choices.
      await line(page, `room-${day3}-10:00`).getByTestId('adjust-line').click();
      const dialog = page.getByRole('dialog');
      await visible(dialog.getByTestId('save-confirmed'));
      expect(await dialog.locator('[id="detail.startTime"]').inputValue()).toBe('10:00');
      await shoot(page, language, 'form-adjust-room');
      await button(dialog, t('common.cancel')).click();
      await gone(dialog);

      // The request's tab.
      await go(page, `/requests/${ids.first}`);
      await openTab(page, 'bookingsPlan.tab.title', language);
      await visible(page.getByTestId('timeline-booking'));
      await shoot(page, language, 'request-tab');
      await expectAccessible(page, `request tab ${language}`);
      await page.context().close();
    });
  }
});
