import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpInput } from '../shared/contract/operations';
import type { Language } from '../shared/i18n/translate';
import { expectAccessible } from './support/axe';
import {
  api,
  button,
  expectFieldError,
  gone,
  ok,
  screenshotFailures,
  shotPath,
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
  requestBody,
  seedCompany,
  submitApi,
  today,
  typeDate,
  typeTime,
  type Company,
  type Person,
} from './support/requests';

const LANGUAGES: Language[] = ['zh-CN', 'en'];
const KINDS = ['vehicle', 'driver', 'room', 'hotel', 'restaurant', 'supply'] as const;

const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });

/** The catalogue's tab of one kind (its label is followed by the count). */
const tab = (page: Page, language: Language, kind: (typeof KINDS)[number]) =>
  page.getByRole('tab', { name: new RegExp(`^${tr(language, `bookings.resourceKind.${kind}`)}`) });

const row = (scope: Page | Locator, text: string) =>
  scope.locator('.ant-table-tbody tr', { hasText: text });

/**
 * Issue 10, the catalogue area: the admin office keeps cars, drivers, rooms, hotels, restaurants
 * and supplies (停用 instead of delete), sets the booking buffers, and in 空闲查询 picks a time,
 * sees what is free and books a room for a filed request in one action.
 */
describe('bookings: 资源目录 and 空闲查询', () => {
  let j: Journey;
  let c: Company;
  let office: Person;
  let requestId = 0;
  let requestCode = '';
  const day = addDays(today(), 3);
  const ids = { busyCar: 0, spareCar: 0, driverA: 0, driverB: 0, bigRoom: 0 };

  const save = (resource: OpInput<'bookings.saveResource'>['resource']) =>
    api(j.url, 'bookings.saveResource', { id: null, version: null, resource }, office.cookie).then(
      ok,
    );

  beforeAll(async () => {
    j = await startJourney();
    c = await seedCompany(j.url);
    office = c.people.office;
    ids.busyCar = (
      await save({ kind: 'vehicle', plate: '京B·67890', model: '别克GL8', seats: 7 })
    ).id;
    ids.spareCar = (
      await save({ kind: 'vehicle', plate: '沪A55555', model: '帕萨特', seats: 4 })
    ).id;
    ids.driverA = (
      await save({ kind: 'driver', name: '赵师傅', phone: '139 0000 1111', licenceClass: 'C1' })
    ).id;
    ids.driverB = (
      await save({ kind: 'driver', name: '钱师傅', phone: '13900002222', licenceClass: 'B1' })
    ).id;
    ids.bigRoom = (
      await save({
        kind: 'room',
        name: '第一会议室',
        place: '5楼',
        capacity: 20,
        equipment: ['projector', 'video_conference'],
      })
    ).id;
    await save({ kind: 'room', name: '小会议室', place: '3楼', capacity: 6, equipment: [] });
    await save({ kind: 'supply', name: '纪念茶叶', unit: '盒', stock: 3 });
    await save({ kind: 'supply', name: '公司画册', unit: '本', stock: 120 });
    // A filed request arriving in three days: the head approves, the admin office files.
    const host = c.people.host;
    const d = await submitApi(
      j.url,
      host,
      requestBody(c.departments.sales, {
        orgName: '宁德时代新能源科技股份有限公司',
        arrivalDate: day,
      }),
    );
    await decideApi(j.url, c.people.head, d.id, 'approve');
    await decideApi(j.url, office, d.id, 'approve');
    requestId = d.id;
    requestCode = d.code;
    // The busy car: booked (confirmed) for that morning.
    ok(
      await api(
        j.url,
        'bookings.save',
        {
          id: null,
          version: null,
          requestId,
          needKey: null,
          status: 'confirmed',
          detail: {
            kind: 'car',
            carKind: 'pickup',
            vehicleId: ids.busyCar,
            driverId: ids.driverA,
            from: '首都机场T3',
            to: '公司',
            passengers: 2,
            transportNo: 'CA1234',
            startDate: day,
            startTime: '10:00',
            endDate: day,
            endTime: '11:00',
          },
        },
        office.cookie,
      ),
    );
  });
  afterAll(async () => {
    await j?.close();
  });
  screenshotFailures(() => j);

  it('adds a vehicle from a pasted plate, refuses a duplicate, adds a hotel and a restaurant', async () => {
    const page = await openAs(j, office, 'zh-CN');
    await go(page, '/bookings/catalogue');
    await visible(page.getByRole('heading', { name: tr('zh-CN', 'bookingsCatalogue.title') }));
    const vehicles = page.getByTestId('catalogue-vehicle');
    await visible(row(vehicles, '京B67890'));

    // 新增车辆: the plate typed as 京a 12345 shows, and is kept, as 京A12345.
    await button(page, tr('zh-CN', 'bookingsCatalogue.kinds.vehicle.add')).click();
    let form = dialog(page, tr('zh-CN', 'bookingsCatalogue.kinds.vehicle.add'));
    await visible(form);
    await form.locator('[id="resource.plate"]').fill('京a 12345');
    await form.locator('[id="resource.model"]').fill('丰田埃尔法');
    await form.locator('[id="resource.seats"]').fill('6');
    await expect.poll(() => form.locator('[id="resource.plate"]').inputValue()).toBe('京A12345');
    await button(form, tr('zh-CN', 'common.save')).click();
    await gone(form);
    await visible(row(vehicles, '京A12345'));
    await visible(row(vehicles, '京A12345').getByText('丰田埃尔法'));

    // The same plate again (other spacing): refused on the field, nothing saved.
    await button(page, tr('zh-CN', 'bookingsCatalogue.kinds.vehicle.add')).click();
    form = dialog(page, tr('zh-CN', 'bookingsCatalogue.kinds.vehicle.add'));
    await visible(form);
    await form.locator('[id="resource.plate"]').fill('京A-12345');
    await form.locator('[id="resource.model"]').fill('另一辆');
    await button(form, tr('zh-CN', 'common.save')).click();
    await expectFieldError(
      page,
      'resource.plate',
      tr('zh-CN', 'errors.resourceNameTaken', { name: '京A12345' }),
    );
    await button(form, tr('zh-CN', 'common.cancel')).click();
    await gone(form);
    await expect.poll(() => row(vehicles, '京A12345').count()).toBe(1);

    // An agreement hotel with two room types.
    await tab(page, 'zh-CN', 'hotel').click();
    const hotels = page.getByTestId('catalogue-hotel');
    await visible(hotels.getByText(tr('zh-CN', 'bookingsCatalogue.kinds.hotel.empty')));
    await button(hotels, tr('zh-CN', 'bookingsCatalogue.kinds.hotel.add')).click();
    form = dialog(page, tr('zh-CN', 'bookingsCatalogue.kinds.hotel.add'));
    await visible(form);
    await form.locator('[id="resource.name"]').fill('锦江宾馆');
    await form.locator('[id="resource.phone"]').fill('010 6512 3456');
    await form.locator('[id="resource.roomTypes.0.name"]').fill('标准间');
    await form.locator('[id="resource.roomTypes.0.priceFen"]').fill('450');
    await button(form, tr('zh-CN', 'bookingsCatalogue.field.addRoomType')).click();
    await form.locator('[id="resource.roomTypes.1.name"]').fill('大床房');
    await form.locator('[id="resource.roomTypes.1.priceFen"]').fill('520');
    await button(form, tr('zh-CN', 'common.save')).click();
    await gone(form);
    const hotel = row(hotels, '锦江宾馆');
    await visible(hotel.getByText('¥450.00/晚'));
    await visible(hotel.getByText('¥520.00/晚'));
    await visible(hotel.getByText('01065123456'));

    // A designated restaurant with a private room.
    await tab(page, 'zh-CN', 'restaurant').click();
    const restaurants = page.getByTestId('catalogue-restaurant');
    await button(restaurants, tr('zh-CN', 'bookingsCatalogue.kinds.restaurant.add')).click();
    form = dialog(page, tr('zh-CN', 'bookingsCatalogue.kinds.restaurant.add'));
    await visible(form);
    await form.locator('[id="resource.name"]').fill('老房子餐厅');
    await form.locator('[id="resource.perHeadFen"]').fill('90');
    await button(form, tr('zh-CN', 'bookingsCatalogue.field.addPrivateRoom')).click();
    await form.locator('[id="resource.privateRooms.0.name"]').fill('牡丹厅');
    await form.locator('[id="resource.privateRooms.0.capacity"]').fill('12');
    await button(form, tr('zh-CN', 'common.save')).click();
    await gone(form);
    const restaurant = row(restaurants, '老房子餐厅');
    await visible(restaurant.getByText('¥90.00'));
    await visible(restaurant.getByText(/牡丹厅 · 12 人/));

    // Supplies: the tea with 3 left is marked low.
    await tab(page, 'zh-CN', 'supply').click();
    await visible(
      row(page.getByTestId('catalogue-supply'), '纪念茶叶').getByText(
        tr('zh-CN', 'bookingsCatalogue.lowStock'),
      ),
    );
    await page.context().close();
  });

  it('deactivates a vehicle after a confirmation; it shows again only with 显示已停用', async () => {
    const page = await openAs(j, office, 'zh-CN');
    await go(page, '/bookings/catalogue');
    const vehicles = page.getByTestId('catalogue-vehicle');
    await visible(row(vehicles, '沪A55555'));
    await button(
      row(vehicles, '沪A55555'),
      `${tr('zh-CN', 'bookingsCatalogue.deactivate')} 沪A55555`,
    ).click();
    const confirm = dialog(
      page,
      tr('zh-CN', 'bookingsCatalogue.deactivateTitle', { name: '沪A55555' }),
    );
    await visible(confirm.getByText(tr('zh-CN', 'bookingsCatalogue.deactivateBody')));
    await settled(page);
    await page.screenshot({ path: shotPath('zh-CN', 'bookings-catalogue-deactivate') });
    await button(confirm, tr('zh-CN', 'bookingsCatalogue.deactivate')).click();
    await gone(confirm);
    await gone(row(vehicles, '沪A55555'));

    await page.getByRole('switch', { name: tr('zh-CN', 'bookingsCatalogue.showInactive') }).click();
    const inactive = row(vehicles, '沪A55555');
    await visible(inactive.getByText(tr('zh-CN', 'bookingsCatalogue.inactive')));
    await visible(
      inactive.getByRole('button', {
        name: `${tr('zh-CN', 'bookingsCatalogue.activate')} 沪A55555`,
      }),
    );
    await page.context().close();
  });

  it('changes the car buffer in the booking rules card', async () => {
    const page = await openAs(j, office, 'zh-CN');
    await go(page, '/bookings/catalogue');
    const card = page.getByTestId('booking-rules');
    await visible(card.getByText(tr('zh-CN', 'bookingsCatalogue.rules.explain')));
    const car = card.locator('#carBufferMinutes');
    await expect.poll(() => car.inputValue(), { timeout: UI_TIMEOUT }).toBe('15');
    await car.fill('30');
    await button(card, tr('zh-CN', 'common.save')).click();
    await visible(page.getByText(tr('zh-CN', 'common.saved')));
    await expect
      .poll(async () => ok(await api(j.url, 'bookings.rules', {}, office.cookie)).carBufferMinutes)
      .toBe(30);
    await page.context().close();
  });

  it('空闲查询: the booked car is occupied; a free room is booked for the filed request in one action', async () => {
    const page = await openAs(j, office, 'zh-CN');
    await go(page, '/bookings/free');
    await visible(page.getByRole('heading', { name: tr('zh-CN', 'bookingsCatalogue.free.title') }));
    await typeDate(page, 'startDate', day);
    // The end date follows the start date.
    await expect.poll(() => page.locator('#endDate').inputValue()).toBe(day);
    await typeTime(page, 'startTime', '10:30');
    await typeTime(page, 'endTime', '12:00');
    await page.locator('#attendees').fill('8');
    // Enter searches.
    await page.locator('#attendees').press('Enter');

    const cars = page.getByTestId('free-vehicles');
    await visible(cars.getByText('京A12345'));
    const busy = cars.locator('li', { hasText: '京B67890' });
    await visible(busy.getByText(tr('zh-CN', 'bookings.misfit.busy')));
    // Fitting ones first: the free 京A12345 comes before the busy 京B67890.
    const names = await cars.locator('.bf-name').allInnerTexts();
    expect(names.indexOf('京A12345')).toBeLessThan(names.indexOf('京B67890'));
    // The deactivated car is not offered.
    expect(names).not.toContain('沪A55555');
    const drivers = page.getByTestId('free-drivers');
    await visible(
      drivers.locator('li', { hasText: '赵师傅' }).getByText(tr('zh-CN', 'bookings.misfit.busy')),
    );
    const rooms = page.getByTestId('free-rooms');
    await visible(
      rooms
        .locator('li', { hasText: '小会议室' })
        .getByText(tr('zh-CN', 'bookings.misfit.capacity')),
    );

    // 预订 第一会议室 for the filed request.
    await button(rooms, `${tr('zh-CN', 'bookingsCatalogue.free.book')} 第一会议室`).click();
    const form = dialog(
      page,
      tr('zh-CN', 'bookingsCatalogue.free.bookTitle', { name: '第一会议室' }),
    );
    await visible(form);
    await form.locator('#requestId').fill(requestCode);
    await form.locator('#requestId').press('Enter');
    await expect.poll(() => form.locator('[id="detail.attendees"]').inputValue()).toBe('8');
    await button(form, tr('zh-CN', 'bookingsCatalogue.free.book')).click();
    await gone(form);
    await visible(
      page.getByText(
        tr('zh-CN', 'bookingsCatalogue.free.booked', { code: requestCode, name: '第一会议室' }),
      ),
    );
    // The room is now taken at that time.
    await visible(
      rooms.locator('li', { hasText: '第一会议室' }).getByText(tr('zh-CN', 'bookings.misfit.busy')),
    );
    const booked = ok(await api(j.url, 'bookings.ofRequest', { requestId }, office.cookie));
    const room = booked.find((b) => b.kind === 'room');
    expect(room?.status).toBe('confirmed');
    expect(room?.detail).toMatchObject({
      kind: 'room',
      roomId: ids.bigRoom,
      attendees: 8,
      startDate: day,
      startTime: '10:30',
      endTime: '12:00',
    });

    // Someone books the free car meanwhile: the refusal names the booking in the way.
    await button(cars, `${tr('zh-CN', 'bookingsCatalogue.free.book')} 京A12345`).click();
    const carForm = dialog(
      page,
      tr('zh-CN', 'bookingsCatalogue.free.bookTitle', { name: '京A12345' }),
    );
    await visible(carForm);
    const spare = ok(
      await api(
        j.url,
        'bookings.resources',
        { kind: 'vehicle', includeInactive: false },
        office.cookie,
      ),
    ).find((r) => r.name === '京A12345');
    ok(
      await api(
        j.url,
        'bookings.save',
        {
          id: null,
          version: null,
          requestId,
          needKey: null,
          status: 'confirmed',
          detail: {
            kind: 'car',
            carKind: 'transfer',
            vehicleId: spare?.id ?? 0,
            driverId: ids.driverB,
            from: '公司',
            to: '酒店',
            passengers: 2,
            transportNo: '',
            startDate: day,
            startTime: '11:00',
            endDate: day,
            endTime: '11:30',
          },
        },
        office.cookie,
      ),
    );
    await carForm.locator('#requestId').fill(requestCode);
    await carForm.locator('#requestId').press('Enter');
    await carForm.locator('[id="detail.from"]').fill('公司');
    await carForm.locator('[id="detail.to"]').fill('首都机场T3');
    await button(carForm, tr('zh-CN', 'bookingsCatalogue.free.book')).click();
    await visible(carForm.getByRole('alert').getByText(/京A12345/));
    await button(carForm, tr('zh-CN', 'common.cancel')).click();
    await gone(carForm);
    await page.context().close();
  });

  it.each(LANGUAGES)(
    'screenshots of every tab, form, the rules card and the free finder; axe (%s)',
    async (language) => {
      {
        const page = await openAs(j, office, language);
        if (language === 'en')
          await page.getByRole('banner').getByText('EN', { exact: true }).click();
        await go(page, '/bookings/catalogue');
        await visible(page.getByRole('heading', { name: tr(language, 'bookingsCatalogue.title') }));
        await visible(row(page.getByTestId('catalogue-vehicle'), '京A12345'));
        for (const kind of KINDS) {
          await tab(page, language, kind).click();
          const pane = page.getByTestId(`catalogue-${kind}`);
          await visible(pane.locator('.ant-table-tbody tr').first());
          await settled(page);
          await page.screenshot({
            path: shotPath(language, `bookings-catalogue-${kind}`),
            fullPage: true,
          });
          await expectAccessible(page, `${language}/bookings-catalogue-${kind}`);
          // Its form: 编辑 the first row (the lists show filled-in forms).
          await pane
            .locator('.ant-table-tbody tr')
            .first()
            .getByRole('button', { name: new RegExp(`^${tr(language, 'common.edit')} `) })
            .click();
          const form = dialog(page, tr(language, `bookingsCatalogue.kinds.${kind}.edit`));
          await visible(form);
          await settled(page);
          await page.screenshot({ path: shotPath(language, `bookings-form-${kind}`) });
          await expectAccessible(page, `${language}/bookings-form-${kind}`);
          await button(form, tr(language, 'common.cancel')).click();
          await gone(form);
        }
        await page.getByTestId('booking-rules').scrollIntoViewIfNeeded();
        await page
          .getByTestId('booking-rules')
          .screenshot({ path: shotPath(language, 'bookings-rules') });

        await go(page, '/bookings/free');
        await visible(page.getByText(tr(language, 'bookingsCatalogue.free.prompt')));
        await expectAccessible(page, `${language}/bookings-free-empty`);
        await typeDate(page, 'startDate', day);
        await typeTime(page, 'startTime', '10:00');
        await typeTime(page, 'endTime', '12:00');
        await page.locator('#passengers').fill('3');
        await button(page, tr(language, 'bookingsCatalogue.free.search')).click();
        await visible(page.getByTestId('free-vehicles').locator('li').first());
        await settled(page);
        await page.screenshot({ path: shotPath(language, 'bookings-free'), fullPage: true });
        await expectAccessible(page, `${language}/bookings-free`);
        const freeRoom = page.getByTestId('free-rooms').locator('li', { hasText: '小会议室' });
        await freeRoom.getByRole('button').click();
        const form = dialog(
          page,
          tr(language, 'bookingsCatalogue.free.bookTitle', { name: '小会议室' }),
        );
        await visible(form);
        await settled(page);
        await page.screenshot({ path: shotPath(language, 'bookings-free-book-room') });
        await expectAccessible(page, `${language}/bookings-free-book-room`);
        await button(form, tr(language, 'common.cancel')).click();
        await gone(form);
        // An afternoon when every car is free: the car's booking form (driver, route).
        await typeTime(page, 'startTime', '14:00');
        await typeTime(page, 'endTime', '15:00');
        await page.locator('#passengers').press('Enter');
        const freeCar = page.getByTestId('free-vehicles').locator('li', { hasText: '京B67890' });
        await visible(freeCar.getByRole('button'));
        await freeCar.getByRole('button').click();
        const carForm = dialog(
          page,
          tr(language, 'bookingsCatalogue.free.bookTitle', { name: '京B67890' }),
        );
        await visible(carForm);
        await settled(page);
        await page.screenshot({ path: shotPath(language, 'bookings-free-book-car') });
        await expectAccessible(page, `${language}/bookings-free-book-car`);
        await button(carForm, tr(language, 'common.cancel')).click();
        await gone(carForm);
        await page.context().close();
      }
    },
    // Twelve screenshots and axe runs per language.
    300_000,
  );
});
