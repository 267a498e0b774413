import { describe, expect, it } from 'vitest';
import { emptyRequestBody, type Needs } from '../requests/schema';
import { visitTasks, wallInstant, type PlannedTask } from './plan';

const TZ = 'Asia/Shanghai';
/** Shanghai wall clock → epoch ms (UTC+8, no DST). */
const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);
const BEFORE = at('2026-11-27', '09:00');

function body(needs: Partial<Needs> = {}, stay: Partial<ReturnType<typeof emptyRequestBody>> = {}) {
  const b = emptyRequestBody();
  return {
    ...b,
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-02',
    departureTime: '17:00',
    ...stay,
    needs: { ...b.needs, ...needs },
  };
}

const facts = { reimbursementDays: 7, timeZone: TZ, nowMs: BEFORE };
const plan = (b: ReturnType<typeof body>, f = facts) =>
  visitTasks(b, f).map((p: PlannedTask) => [p.kind, p.owner, p.dueAtMs] as const);

describe('visitTasks', () => {
  it('wallInstant reads the company wall clock, not the machine zone', () => {
    expect(wallInstant('2026-12-01', '09:30', TZ)).toBe(Date.UTC(2026, 11, 1, 1, 30));
    expect(wallInstant('2026-12-01', '09:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 1, 8, 30));
  });

  it.each<[string, Partial<Needs>, (readonly [string, string, number])[]]>([
    [
      'a plain visit: confirm by phone, reimburse',
      {},
      [
        ['confirm_arrival', 'host', at('2026-12-01', '08:30')],
        ['submit_reimbursement', 'host', at('2026-12-09', '23:59')],
      ],
    ],
    [
      'pickup: the driver 15 minutes early',
      { pickup: true },
      [
        ['confirm_arrival', 'host', at('2026-12-01', '08:30')],
        ['driver_at_pickup', 'admin_office', at('2026-12-01', '09:15')],
        ['submit_reimbursement', 'host', at('2026-12-09', '23:59')],
      ],
    ],
    ...(['banner', 'welcomeSign', 'tableCards', 'meetingRoom'] as const).map(
      (need) =>
        [
          `${need}: signs and setup the afternoon before`,
          { [need]: true },
          [
            ['signs_and_setup', 'admin_office', at('2026-11-30', '16:00')],
            ['confirm_arrival', 'host', at('2026-12-01', '08:30')],
            ['submit_reimbursement', 'host', at('2026-12-09', '23:59')],
          ],
        ] as [string, Partial<Needs>, (readonly [string, string, number])[]],
    ),
    [
      'return tickets: booked by arrival',
      { returnTickets: true },
      [
        ['confirm_arrival', 'host', at('2026-12-01', '08:30')],
        ['book_return_tickets', 'admin_office', at('2026-12-01', '09:30')],
        ['submit_reimbursement', 'host', at('2026-12-09', '23:59')],
      ],
    ],
    [
      'gifts: unused supplies back the day after departure',
      { gifts: true, giftCount: 3 },
      [
        ['confirm_arrival', 'host', at('2026-12-01', '08:30')],
        ['return_supplies', 'host', at('2026-12-03', '23:59')],
        ['submit_reimbursement', 'host', at('2026-12-09', '23:59')],
      ],
    ],
  ])('%s', (_, needs, expected) => {
    expect(plan(body(needs))).toEqual(expected);
  });

  it('everything at once, in due order', () => {
    const all = plan(
      body({ pickup: true, banner: true, returnTickets: true, gifts: true, giftCount: 1 }),
    );
    expect(all.map(([k]) => k)).toEqual([
      'signs_and_setup',
      'confirm_arrival',
      'driver_at_pickup',
      'book_return_tickets',
      'return_supplies',
      'submit_reimbursement',
    ]);
  });

  it('the reimbursement deadline follows the setting', () => {
    const [, due] = plan(body(), { ...facts, reimbursementDays: 30 });
    expect(due).toEqual(['submit_reimbursement', 'host', at('2027-01-01', '23:59')]);
  });

  it('a visit already under way (事后补办) gets only the tasks after it', () => {
    const late = { ...facts, nowMs: at('2026-12-01', '09:30') };
    expect(plan(body({ pickup: true, banner: true, gifts: true }), late).map(([k]) => k)).toEqual([
      'return_supplies',
      'submit_reimbursement',
    ]);
  });

  it('without a time of arrival, the visit is taken to start at nine', () => {
    expect(plan(body({}, { arrivalTime: '' }))[0]).toEqual([
      'confirm_arrival',
      'host',
      at('2026-12-01', '08:00'),
    ]);
  });

  it('without a day of departure, the day of arrival counts', () => {
    expect(plan(body({}, { departureDate: '' }))[1]).toEqual([
      'submit_reimbursement',
      'host',
      at('2026-12-08', '23:59'),
    ]);
  });

  it('without a day of arrival, nothing can be planned', () => {
    expect(plan(body({}, { arrivalDate: '' }))).toEqual([]);
  });
});
