import { describe, expect, it } from 'vitest';
import { nameKeys } from '../../../../../shared/frontdesk/keys';
import type {
  BoardGuest,
  BoardView,
  BoardVisit,
  GuestState,
} from '../../../../../shared/frontdesk/views';
import {
  badgesInUse,
  boardCounts,
  boardMatches,
  checkInRows,
  firstCheckIn,
  watchReasons,
} from './logic';

const guest = (
  seq: number,
  name: string,
  state: GuestState = 'expected',
  badgeNo = '',
): BoardGuest => ({
  seq,
  name,
  title: '',
  phoneMasked: '138****0000',
  state,
  guestId: state === 'expected' ? null : seq + 100,
  version: state === 'expected' ? null : 1,
  arrivedAtMs: null,
  leftAtMs: null,
  badgeNo,
  keys: nameKeys(name),
  watch: [],
});

const visit = (requestId: number, time: string, org: string, guests: BoardGuest[]): BoardVisit => ({
  requestId,
  code: `JD-${requestId}`,
  status: 'filed',
  cleared: true,
  retroactive: false,
  tier: 'C',
  orgName: org,
  hostUserId: 1,
  hostName: '李娜',
  hostPhone: '',
  arrivalDate: '2026-12-01',
  arrivalTime: time,
  departureDate: '2026-12-01',
  departureTime: '18:00',
  rooms: [],
  cars: [],
  keys: org.toLowerCase(),
  watch: [],
  guests,
});

const board = (visits: BoardVisit[]): BoardView => ({
  day: '2026-12-01',
  today: '2026-12-01',
  visits,
  noticeRequired: false,
});

const a = visit(1, '14:00', '华东精密', [guest(0, '张三'), guest(1, '李四'), guest(2, '王五')]);
const b = visit(2, '09:00', 'Acme', [
  guest(0, '赵六', 'arrived', '1'),
  guest(1, '钱七', 'left', '2'),
  guest(2, 'Anna Li', 'arrived', '3'),
]);

describe('the board in time order, searched', () => {
  it.each([
    ['', [2, 1]],
    ['zs ls', [1]],
    ['acme', [2]],
    ['zs zl', [2, 1]],
    ['nobody', []],
  ])('%j finds visits %j', (query, ids) => {
    expect(boardMatches(board([a, b]), query).map((m) => m.visit.requestId)).toEqual(ids);
  });

  it('is empty before the board loads', () => {
    expect(boardMatches(undefined, 'zs')).toEqual([]);
  });
});

describe('what Enter checks in', () => {
  it.each([
    ['zs ls', 1, [0, 1]],
    ['华东', 1, [0, 1, 2]],
    // The first match by time has no one expected: the next visit is taken.
    ['zl zs', 1, [0]],
    ['', 1, [0, 1, 2]],
  ])('%j opens visit %d with visitors %j', (query, id, seqs) => {
    const first = firstCheckIn(boardMatches(board([a, b]), query));
    expect(first?.visit.requestId).toBe(id);
    expect(first?.guests.map((g) => g.seq)).toEqual(seqs);
  });

  it('finds nothing when everyone matched is in already', () => {
    expect(firstCheckIn(boardMatches(board([a, b]), 'acme'))).toBeNull();
  });
});

describe('the dialog rows', () => {
  it('ticks the matched visitors and gives them the lowest free badges', () => {
    const rows = checkInRows(a, [a.guests[2]!, a.guests[0]!], ['1', '3']);
    expect(rows).toEqual([
      { seq: 0, name: '张三', selected: true, badgeNo: '2' },
      { seq: 1, name: '李四', selected: false, badgeNo: '5' },
      { seq: 2, name: '王五', selected: true, badgeNo: '4' },
    ]);
  });

  it('ticks everyone expected when nothing narrowed the visit', () => {
    expect(checkInRows(a, null, []).map((r) => [r.selected, r.badgeNo])).toEqual([
      [true, '1'],
      [true, '2'],
      [true, '3'],
    ]);
  });

  it('lists only the visitors still expected', () => {
    const mixed = visit(3, '10:00', 'X', [guest(0, '甲', 'arrived', '1'), guest(1, '乙')]);
    expect(checkInRows(mixed, null, badgesInUse([mixed]))).toEqual([
      { seq: 1, name: '乙', selected: true, badgeNo: '2' },
    ]);
  });
});

describe('badges and counts', () => {
  it('counts badges worn by those inside only', () => {
    expect(badgesInUse([a, b])).toEqual(['1', '3']);
  });

  it('counts the day', () => {
    expect(boardCounts([a, b])).toEqual({ expected: 6, arrived: 3, inside: 2, left: 1 });
  });

  it('collects watchlist reasons once', () => {
    const hit = { watchId: 1, kind: 'person' as const, on: 'phone' as const, reason: '欠款' };
    const w = {
      ...a,
      watch: [{ ...hit, kind: 'org' as const, on: 'org' as const, reason: '纠纷' }],
      guests: [{ ...a.guests[0]!, watch: [hit] }, { ...a.guests[1]!, watch: [hit] }, a.guests[2]!],
    };
    expect(watchReasons(w, [0, 1])).toEqual(['纠纷', '欠款']);
    expect(watchReasons(w, [2])).toEqual(['纠纷']);
  });
});
