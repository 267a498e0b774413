import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../shared/contract/operations';
import { formatInstant } from '../renderer/src/format';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  api,
  createUserApi,
  ok,
  screenshotFailures,
  shotPath,
  signInApi,
  startJourney,
  tr,
  UI_TIMEOUT,
  visible,
  type Journey,
  settled,
} from './support/journey';
import {
  addDays,
  decideApi,
  go,
  openAs,
  PASSWORD,
  requestBody,
  seedCompany,
  submitApi,
  TIME_ZONE,
  today,
  type Company,
  type Person,
} from './support/requests';

/**
 * Issue 10, the calendar area: the booking calendar (day and week timelines of rooms, cars and
 * drivers), the admin office's 今日安排 and the two printed day sheets, against the real server.
 * A filed request gets a 09:00 pickup, a 10:00–12:00 meeting, a tentative meeting and a night
 * drive across midnight; the screens must put each where its times say.
 */

const LANGUAGES: Language[] = ['zh-CN', 'en'];
const squash = (s: string) => s.replace(/\s+/g, '');
/** A pixel or two of rounding between the hour grid and a block's edges. */
const TOLERANCE = 2;

type Detail = OpInput<'bookings.save'>['detail'];

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  // A4 is 595.28 × 841.89 pt.
  expect(Number(size?.[1])).toBeCloseTo(595.28, 0);
  expect(Number(size?.[2])).toBeCloseTo(841.89, 0);
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}
const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
function pdfToPng(file: string, language: Language, name: string) {
  const out = shotPath(language, name).replace(/\.png$/, '');
  execFileSync('pdftoppm', ['-r', '110', '-png', '-singlefile', file, out]);
}

/** Where the app is now (the hash route with its query). */
const route = (page: Page) => decodeURIComponent(new URL(page.url()).hash.slice(1));

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return b;
}

describe('booking calendar, today and the day sheets', () => {
  let j: Journey;
  let c: Company;
  let reader: Person;
  let tmp: string;
  let day: string;
  let requestId = 0;
  let code = '';
  const ids = { sedan: 0, van: 0, driverA: 0, driverB: 0, small: 0, big: 0 };
  const bookings = { pickup: 0, meeting: 0, tentative: 0, night: 0 };

  beforeAll(async () => {
    j = await startJourney();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-bookings-cal-'));
  });
  afterAll(async () => {
    await j?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });
  screenshotFailures(() => j);

  it('has a catalogue, a filed request and its bookings (through the API)', async () => {
    c = await seedCompany(j.url);
    const { host, head, office } = c.people;
    day = addDays(today(), 3);
    const save = async (resource: OpInput<'bookings.saveResource'>['resource']) =>
      ok(
        await api(
          j.url,
          'bookings.saveResource',
          { id: null, version: null, resource },
          office.cookie,
        ),
      ).id;
    ids.sedan = await save({ kind: 'vehicle', plate: '京A 12345', model: '帕萨特', seats: 4 });
    ids.van = await save({ kind: 'vehicle', plate: '京B67890', model: '别克GL8', seats: 7 });
    ids.driverA = await save({
      kind: 'driver',
      name: '赵师傅',
      phone: '13900001111',
      licenceClass: 'C1',
    });
    ids.driverB = await save({
      kind: 'driver',
      name: '钱师傅',
      phone: '13900002222',
      licenceClass: 'B1',
    });
    ids.small = await save({
      kind: 'room',
      name: '小会议室',
      place: '3楼',
      capacity: 6,
      equipment: ['whiteboard'],
    });
    ids.big = await save({
      kind: 'room',
      name: '第一会议室',
      place: '5楼',
      capacity: 20,
      equipment: ['projector'],
    });

    const filed = await submitApi(
      j.url,
      host,
      requestBody(c.departments.sales, { orgName: '华东精密仪器', arrivalDate: day }),
    );
    await decideApi(j.url, head, filed.id);
    await decideApi(j.url, office, filed.id);
    requestId = filed.id;
    code = filed.code;

    const book = async (detail: Detail, status: 'tentative' | 'confirmed' = 'confirmed') =>
      ok(
        await api(
          j.url,
          'bookings.save',
          { id: null, version: null, requestId, needKey: null, status, detail },
          office.cookie,
        ),
      ).id;
    const car = (o: Partial<Detail>): Detail =>
      ({
        kind: 'car',
        carKind: 'pickup',
        vehicleId: ids.sedan,
        driverId: ids.driverA,
        from: '首都机场T3',
        to: '公司总部',
        passengers: 3,
        transportNo: 'CA1234',
        startDate: day,
        startTime: '09:00',
        endDate: day,
        endTime: '10:00',
        ...o,
      }) as Detail;
    bookings.pickup = await book(car({}));
    bookings.meeting = await book({
      kind: 'room',
      roomId: ids.big,
      attendees: 8,
      setup: [
        { item: 'tea', responsible: '王芳', done: false },
        { item: 'banner', responsible: '李娜', done: true },
        { item: 'projector', responsible: '张强', done: false },
      ],
      startDate: day,
      startTime: '10:00',
      endDate: day,
      endTime: '12:00',
    });
    bookings.tentative = await book(
      {
        kind: 'room',
        roomId: ids.small,
        attendees: 4,
        setup: [],
        startDate: day,
        startTime: '14:00',
        endDate: day,
        endTime: '15:30',
      },
      'tentative',
    );
    bookings.night = await book(
      car({
        carKind: 'transfer',
        vehicleId: ids.van,
        driverId: ids.driverB,
        from: '公司总部',
        to: '锦江宾馆',
        transportNo: '',
        startTime: '22:30',
        endDate: addDays(day, 1),
        endTime: '01:00',
      }),
    );

    // Someone who reads bookings but does not book: blocks open the request itself.
    const user = await createUserApi(j.url, c.adminCookie, {
      login: 'wu.qian',
      displayName: '吴倩',
      roles: ['front_desk', 'finance'],
      password: PASSWORD,
    });
    reader = {
      id: user.id,
      login: 'wu.qian',
      displayName: '吴倩',
      cookie: await signInApi(j.url, 'wu.qian', PASSWORD),
    };
  });

  async function officePage(language: Language) {
    ok(await api(j.url, 'auth.setLanguage', { language }, c.people.office.cookie));
    return openAs(j, c.people.office, language);
  }

  const calendar = (page: Page, kind: string, view: string, date: string) =>
    go(page, `/bookings/calendar?kind=${kind}&view=${view}&date=${date}`);

  /** Blocks of one resource's row (the day view). */
  const rowBlocks = (page: Page, resourceId: number) =>
    page.locator(
      `[data-testid="calendar-day"] [data-resource-id="${resourceId}"] [data-testid="calendar-block"]`,
    );

  it('the room day view puts each meeting in its row at its hours; tentative is dashed', async () => {
    const page = await officePage('zh-CN');
    await calendar(page, 'room', 'day', day);
    const meeting = rowBlocks(page, ids.big).first();
    await visible(meeting);
    expect(await meeting.innerText()).toContain(code);
    expect(await meeting.innerText()).toContain('华东精密仪器');
    expect(await meeting.getAttribute('data-booking-id')).toBe(String(bookings.meeting));
    expect(await meeting.getAttribute('aria-label')).toContain(code);

    const hour = (h: number) => box(page.locator(`.bc-head [data-hour="${h}"]`));
    const [ten, twelve] = [await hour(10), await hour(12)];
    const m = await box(meeting);
    expect(Math.abs(m.x - ten.x)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(m.x + m.width - twelve.x)).toBeLessThanOrEqual(TOLERANCE);

    const tentative = rowBlocks(page, ids.small).first();
    expect(await tentative.getAttribute('data-status')).toBe('tentative');
    const [fourteen, fifteen] = [await hour(14), await hour(15)];
    const tb = await box(tentative);
    expect(Math.abs(tb.x - fourteen.x)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(tb.x + tb.width - (fifteen.x + fifteen.width / 2))).toBeLessThanOrEqual(
      TOLERANCE,
    );
    const style = (l: Locator) =>
      l.evaluate((el) => {
        const s = getComputedStyle(el);
        return { border: s.borderTopStyle, background: s.backgroundColor };
      });
    const [t, cfd] = [await style(tentative), await style(meeting)];
    expect(t.border).toBe('dashed');
    expect(cfd.border).toBe('solid');
    expect(t.background).not.toBe(cfd.background);

    // 07:00 is at the left edge when the day opens; 22:00 at the right.
    const scroller = await box(page.locator('.bc-scroll'));
    const label = await box(page.locator('.bc-head .bc-corner'));
    expect(Math.abs((await hour(7)).x - (label.x + label.width))).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs((await hour(22)).x - (scroller.x + scroller.width - 1))).toBeLessThanOrEqual(
      TOLERANCE + 1,
    );
  });

  it('cars: the pickup at 09:00, the night drive cut at midnight and shown on both days', async () => {
    const page = await officePage('zh-CN');
    await calendar(page, 'vehicle', 'day', day);
    const pickup = rowBlocks(page, ids.sedan).first();
    await visible(pickup);
    const hour = (h: number) => box(page.locator(`.bc-head [data-hour="${h}"]`));
    const nine = await hour(9);
    const p = await box(pickup);
    expect(Math.abs(p.x - nine.x)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(p.width - nine.width)).toBeLessThanOrEqual(TOLERANCE);

    const night = rowBlocks(page, ids.van).first();
    const n = await box(night);
    const [h22, h23] = [await hour(22), await hour(23)];
    expect(Math.abs(n.x - (h22.x + h22.width / 2))).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(n.x + n.width - (h23.x + h23.width))).toBeLessThanOrEqual(TOLERANCE);

    // The next day: 00:00–01:00 of the same booking.
    await calendar(page, 'vehicle', 'day', addDays(day, 1));
    const after = rowBlocks(page, ids.van).first();
    await expect
      .poll(() => after.getAttribute('data-date'), { timeout: UI_TIMEOUT })
      .toBe(addDays(day, 1));
    expect(await after.getAttribute('data-booking-id')).toBe(String(bookings.night));
    const a = await box(after);
    const [zero, one] = [await hour(0), await hour(1)];
    expect(Math.abs(a.x - zero.x)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(a.x + a.width - one.x)).toBeLessThanOrEqual(TOLERANCE);
    // Drivers hold the same bookings.
    await calendar(page, 'driver', 'day', day);
    await visible(rowBlocks(page, ids.driverA).first());
    expect(await rowBlocks(page, ids.driverB).count()).toBe(1);
  });

  it('the week view shows the bookings on their days', async () => {
    const page = await officePage('zh-CN');
    await calendar(page, 'vehicle', 'week', day);
    const week = page.getByTestId('calendar-week');
    await visible(week);
    const cell = (resource: number, date: string) =>
      week.locator(`[data-resource-id="${resource}"] .bc-cell[data-date="${date}"]`);
    await visible(cell(ids.sedan, day).getByTestId('calendar-block'));
    const weekdays = await week
      .locator('.bc-head .bc-day')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
    expect(weekdays).toHaveLength(7);
    expect(weekdays).toContain(day);
    const nightCell = cell(ids.van, day).getByTestId('calendar-block');
    expect(await nightCell.innerText()).toContain('22:30–24:00');
    if (weekdays.includes(addDays(day, 1))) {
      expect(
        await cell(ids.van, addDays(day, 1)).getByTestId('calendar-block').innerText(),
      ).toContain('00:00–01:00');
    }
    await calendar(page, 'room', 'week', day);
    await visible(cell(ids.big, day).getByTestId('calendar-block'));
    expect(
      await cell(ids.small, day).getByTestId('calendar-block').getAttribute('data-status'),
    ).toBe('tentative');
    // A day's heading opens that day.
    await week.locator(`.bc-day[data-date="${day}"]`).click();
    await expect.poll(() => route(page), { timeout: UI_TIMEOUT }).toContain('view=day');
    await visible(rowBlocks(page, ids.big).first());
  });

  it('← → move a day (a week in the week view), T comes back to today', async () => {
    const page = await officePage('zh-CN');
    await calendar(page, 'room', 'day', day);
    await visible(rowBlocks(page, ids.big).first());
    await page.locator('h1').click();
    const at = () => new URLSearchParams(route(page).split('?')[1]).get('date');
    await page.keyboard.press('ArrowRight');
    await expect.poll(at, { timeout: UI_TIMEOUT }).toBe(addDays(day, 1));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(at, { timeout: UI_TIMEOUT }).toBe(addDays(day, -1));
    await page.keyboard.press('t');
    await expect.poll(at, { timeout: UI_TIMEOUT }).toBe(today());
    await visible(page.getByTestId('calendar-now'));
    await calendar(page, 'room', 'week', day);
    await visible(page.getByTestId('calendar-week'));
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(at, { timeout: UI_TIMEOUT }).toBe(addDays(day, 7));
    // A focused block: Enter opens it (the admin office goes to the request's booking plan).
    await calendar(page, 'room', 'day', day);
    const meeting = rowBlocks(page, ids.big).first();
    await visible(meeting);
    // The plan page is the plan area's (a route of its own): record where the router went.
    await page.evaluate(() => {
      const w = window as unknown as { went: string[] };
      w.went = [];
      for (const method of ['pushState', 'replaceState'] as const) {
        const original = history[method].bind(history);
        history[method] = (data: unknown, unused: string, url?: string | URL | null) => {
          w.went.push(String(url));
          original(data, unused, url);
        };
      }
    });
    await meeting.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          page.evaluate(
            (target) =>
              (window as unknown as { went: string[] }).went.some((u) => u.endsWith(target)),
            `#/bookings/plan/${requestId}`,
          ),
        { timeout: UI_TIMEOUT },
      )
      .toBe(true);
  });

  it('clicking a block opens the request for someone who reads bookings', async () => {
    const page = await openAs(j, reader, 'zh-CN');
    await calendar(page, 'room', 'day', day);
    const meeting = rowBlocks(page, ids.big).first();
    await visible(meeting);
    await meeting.click();
    await expect.poll(() => route(page), { timeout: UI_TIMEOUT }).toBe(`/requests/${requestId}`);
    await visible(page.getByTestId('dossier-code'));
  });

  it('今日安排 lists the pickup with the driver’s call time 08:45', async () => {
    const page = await officePage('zh-CN');
    await go(page, `/bookings/today?date=${day}`);
    const cars = page.getByTestId('today-car');
    await visible(cars);
    const calls = await cars.getByTestId('call-time').allInnerTexts();
    expect(calls).toEqual(['08:45', '22:15']);
    expect(await cars.innerText()).toContain('京A12345');
    expect(await cars.innerText()).toContain('CA1234');
    const rooms = page.getByTestId('today-room');
    expect(await rooms.getByTestId('setup-progress').first().innerText()).toContain('1/3');
    // Tomorrow is one key away: the night drive goes on into it.
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => route(page), { timeout: UI_TIMEOUT }).toContain(addDays(day, 1));
    await expect
      .poll(() => page.getByTestId('today-car').getByTestId('call-time').allInnerTexts(), {
        timeout: UI_TIMEOUT,
      })
      .toHaveLength(1);
  });

  for (const language of LANGUAGES) {
    const t = (key: string, params?: Record<string, string | number>) => tr(language, key, params);

    it(`${language}: screens look right and are accessible`, async () => {
      const page = await officePage(language);
      for (const [kind, view] of [
        ['room', 'day'],
        ['room', 'week'],
        ['vehicle', 'day'],
        ['vehicle', 'week'],
      ] as const) {
        await calendar(page, kind, view, day);
        await visible(page.getByTestId(view === 'day' ? 'calendar-day' : 'calendar-week'));
        await visible(page.getByTestId('calendar-block').first());
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: UI_TIMEOUT })
          .toBe(t('bookingsCalendar.calendar.title'));
        await settled(page);
        await page.screenshot({ path: shotPath(language, `bookings-calendar-${kind}-${view}`) });
        await expectAccessible(page, `${language}/calendar-${kind}-${view}`);
      }
      // The tooltip with the times.
      await calendar(page, 'room', 'day', day);
      const meeting = rowBlocks(page, ids.big).first();
      await meeting.hover();
      const tip = page.locator('.ant-tooltip:visible .bc-tip');
      await visible(tip);
      const start = formatInstant(Date.parse(`${day}T02:00:00Z`), TIME_ZONE, language);
      expect(await tip.innerText()).toContain(start);

      await go(page, `/bookings/today?date=${day}`);
      await visible(page.getByTestId('today-car'));
      await page.screenshot({ path: shotPath(language, 'bookings-today'), fullPage: true });
      await expectAccessible(page, `${language}/bookings-today`);
    });

    it(`${language}: the trip sheet and the room-setup sheet print on one A4 page each`, async () => {
      const page = await officePage(language);
      await go(page, `/bookings/today?date=${day}`);
      await visible(page.getByTestId('today-car'));
      await page.getByRole('button', { name: t('bookingsCalendar.today.printTrips') }).click();
      await expect
        .poll(() => route(page), { timeout: UI_TIMEOUT })
        .toBe(`/bookings/print/trips/${day}`);
      await visible(page.getByTestId('print-sheet'));
      await expect.poll(() => page.getByTestId('trip').count(), { timeout: UI_TIMEOUT }).toBe(2);
      await page.evaluate(async () => {
        await document.fonts.ready;
      });
      await settled(page);
      await expectAccessible(page, `${language}/trip-sheet`);
      await page.screenshot({
        path: shotPath(language, 'bookings-trip-sheet-screen'),
        fullPage: true,
      });
      const trips = path.join(tmp, `${language}-trips.pdf`);
      await page.pdf({ path: trips, format: 'A4', preferCSSPageSize: true });
      expect(pdfPages(trips)).toBe(1);
      pdfToPng(trips, language, 'bookings-trip-sheet-print');
      const tripText = squash(pdfText(trips));
      for (const text of [
        '京A12345',
        '08:45',
        '09:00',
        'CA1234',
        code,
        '赵师傅',
        '13900001111',
        '李娜',
      ]) {
        expect(tripText, text).toContain(squash(text));
      }
      expect(tripText).toContain(squash(t('bookingsCalendar.sheet.trips.driverSign')));

      // One driver's sheet.
      await page
        .getByRole('combobox', { name: t('bookingsCalendar.sheet.trips.driverFilter') })
        .click();
      await page.locator('.ant-select-item-option', { hasText: '钱师傅' }).click();
      await expect.poll(() => page.getByTestId('trip').count(), { timeout: UI_TIMEOUT }).toBe(1);
      expect(await page.getByTestId('trip').innerText()).toContain('22:15');

      await go(page, `/bookings/print/rooms/${day}`);
      await expect
        .poll(() => page.getByTestId('room-setup').count(), { timeout: UI_TIMEOUT })
        .toBe(2);
      await settled(page);
      await expectAccessible(page, `${language}/room-sheet`);
      await page.screenshot({
        path: shotPath(language, 'bookings-room-sheet-screen'),
        fullPage: true,
      });
      const rooms = path.join(tmp, `${language}-rooms.pdf`);
      await page.pdf({ path: rooms, format: 'A4', preferCSSPageSize: true });
      expect(pdfPages(rooms)).toBe(1);
      pdfToPng(rooms, language, 'bookings-room-sheet-print');
      const roomText = squash(pdfText(rooms));
      for (const item of ['tea', 'banner', 'projector']) {
        expect(roomText, item).toContain(squash(t(`bookings.setupItem.${item}`)));
      }
      for (const text of ['第一会议室', '王芳', '张强', '10:00', '12:00', code]) {
        expect(roomText, text).toContain(squash(text));
      }
    });
  }
});
