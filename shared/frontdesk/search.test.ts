import { describe, expect, it } from 'vitest';
import { nameKeys } from './keys';
import { searchBoard } from './search';
import type { BoardGuest, BoardVisit } from './views';

const guest = (seq: number, name: string, tail: string): BoardGuest => ({
  seq,
  name,
  title: '',
  phoneMasked: tail ? `138****${tail}` : '',
  state: 'expected',
  guestId: null,
  version: null,
  arrivedAtMs: null,
  leftAtMs: null,
  badgeNo: '',
  keys: [nameKeys(name), tail].filter(Boolean).join(' '),
  watch: [],
});

const visit = (requestId: number, org: string, car: string, guests: BoardGuest[]): BoardVisit => ({
  requestId,
  code: `R-${requestId}`,
  status: 'filed',
  cleared: true,
  retroactive: false,
  tier: 'B',
  orgName: org,
  hostUserId: 1,
  hostName: '王接待',
  hostPhone: '',
  arrivalDate: '2026-12-01',
  arrivalTime: '09:30',
  departureDate: '2026-12-01',
  departureTime: '17:00',
  rooms: [],
  cars: car ? [car] : [],
  keys: [org, `R-${requestId}`, car].join(' ').toLowerCase(),
  watch: [],
  guests,
});

const BOARD = [
  visit(1, '华东精密', '京A12345 · 赵师傅', [
    guest(0, '张三', '5678'),
    guest(1, '李四', '1111'),
    guest(2, '王五', ''),
  ]),
  visit(2, 'Siemens', '', [guest(0, 'Anna Müller', '2222'), guest(1, '张珊', '')]),
];

const found = (q: string) =>
  searchBoard(BOARD, q).map((m) => [m.visit.requestId, m.guests.map((g) => g.name)]);

describe('searchBoard', () => {
  it.each([
    [
      '',
      [
        [1, ['张三', '李四', '王五']],
        [2, ['Anna Müller', '张珊']],
      ],
    ],
    [
      'zs',
      [
        [1, ['张三']],
        [2, ['张珊']],
      ],
    ],
    [
      'zs ls',
      [
        [1, ['张三', '李四']],
        [2, ['张珊']],
      ],
    ],
    ['5678', [[1, ['张三']]]],
    ['华东', [[1, ['张三', '李四', '王五']]]],
    ['京a123', [[1, ['张三', '李四', '王五']]]],
    ['r-2', [[2, ['Anna Müller', '张珊']]]],
    ['anna', [[2, ['Anna Müller']]]],
    ['nobody', []],
  ])('%j', (q, expected) => {
    expect(found(q)).toEqual(expected);
  });
});
