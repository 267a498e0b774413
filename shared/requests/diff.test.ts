import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRequests } from './diff';
import { emptyRequestBody, type RequestBody, type Visitor } from './schema';

const visitor = (name: string, extra: Partial<Visitor> = {}): Visitor => ({
  name,
  title: '',
  phone: '',
  idType: null,
  idNumber: '',
  notes: '',
  ...extra,
});

function body(overrides: Partial<RequestBody> = {}): RequestBody {
  const b = emptyRequestBody();
  return {
    ...b,
    orgName: '华东精密仪器有限公司',
    purpose: '洽谈合同',
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-01',
    departureTime: '17:00',
    visitors: [visitor('陈立', { title: '采购总监' }), visitor('Anna Müller')],
    companions: [{ userId: 7, name: '销售经理' }],
    needs: { ...b.needs, meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: null }] },
    ...overrides,
  };
}

describe('diffRequests', () => {
  it('no changes: empty', () => {
    expect(diffRequests(body(), body(), { meals: 30000 }, { meals: 30000 })).toEqual([]);
  });

  it('a visitor added', () => {
    const after = body({ visitors: [...body().visitors, visitor('王五', { title: '工程师' })] });
    expect(diffRequests(body(), after)).toEqual([
      { path: 'visitors', kind: 'added', before: null, after: '王五 · 工程师' },
    ]);
  });

  it('a visitor removed', () => {
    const after = body({ visitors: [visitor('陈立', { title: '采购总监' })] });
    expect(diffRequests(body(), after)).toEqual([
      { path: 'visitors', kind: 'removed', before: 'Anna Müller', after: null },
    ]);
  });

  it('a visitor changed (same name, new title)', () => {
    const after = body({
      visitors: [visitor('陈立', { title: '副总裁' }), visitor('Anna Müller')],
    });
    expect(diffRequests(body(), after)).toEqual([
      { path: 'visitors', kind: 'changed', before: '陈立 · 采购总监', after: '陈立 · 副总裁' },
    ]);
  });

  it('a visitor replaced by another: one removed, one added', () => {
    const after = body({ visitors: [visitor('陈立', { title: '采购总监' }), visitor('李雷')] });
    expect(diffRequests(body(), after)).toEqual([
      { path: 'visitors', kind: 'removed', before: 'Anna Müller', after: null },
      { path: 'visitors', kind: 'added', before: null, after: '李雷' },
    ]);
  });

  it('reordering visitors is no change', () => {
    const b = body();
    const after = body({ visitors: [...b.visitors].reverse() });
    expect(diffRequests(b, after)).toEqual([]);
  });

  it('dates and times changed', () => {
    const after = body({
      arrivalDate: '2026-12-02',
      departureDate: '2026-12-03',
      departureTime: '12:00',
    });
    expect(diffRequests(body(), after)).toEqual([
      { path: 'arrivalDate', kind: 'changed', before: '2026-12-01', after: '2026-12-02' },
      { path: 'departureDate', kind: 'changed', before: '2026-12-01', after: '2026-12-03' },
      { path: 'departureTime', kind: 'changed', before: '17:00', after: '12:00' },
    ]);
  });

  it('budget lines changed, added and dropped (by category, in fen)', () => {
    expect(
      diffRequests(
        body(),
        body(),
        { meals: 30000, gifts: 40000, venue: 500 },
        { meals: 40000, gifts: 40000, lodging: 45000 },
      ),
    ).toEqual([
      { path: 'budget.meals', kind: 'changed', before: 30000, after: 40000 },
      { path: 'budget.venue', kind: 'changed', before: 500, after: 0 },
      { path: 'budget.lodging', kind: 'changed', before: 0, after: 45000 },
    ]);
  });

  it('a zero line and a missing line are the same', () => {
    expect(diffRequests(body(), body(), { meals: 0 }, {})).toEqual([]);
  });

  it('needs: scalars, equipment and meals', () => {
    const b = body();
    const after = body({
      needs: {
        ...b.needs,
        pickup: true,
        hotelNights: 2,
        equipment: ['projector'],
        meals: [
          { date: '2026-12-01', meal: 'lunch', perHeadFen: 9000 },
          { date: '2026-12-01', meal: 'dinner', perHeadFen: null },
        ],
      },
    });
    expect(diffRequests(b, after)).toEqual([
      {
        path: 'needs.meals',
        kind: 'changed',
        before: '2026-12-01 lunch',
        after: '2026-12-01 lunch 9000',
      },
      { path: 'needs.meals', kind: 'added', before: null, after: '2026-12-01 dinner' },
      { path: 'needs.pickup', kind: 'changed', before: false, after: true },
      { path: 'needs.hotelNights', kind: 'changed', before: 0, after: 2 },
      { path: 'needs.equipment', kind: 'changed', before: '', after: 'projector' },
    ]);
  });

  it('companions keyed by user, itinerary by date, time and activity', () => {
    const after = body({
      companions: [
        { userId: 7, name: '销售经理（改名）' },
        { userId: null, name: '司机' },
      ],
      itinerary: [
        { date: '2026-12-01', time: '10:00', activity: '参观生产线', place: '', owner: '' },
      ],
    });
    expect(diffRequests(body(), after)).toEqual([
      { path: 'companions', kind: 'changed', before: '销售经理', after: '销售经理（改名）' },
      { path: 'companions', kind: 'added', before: null, after: '司机' },
      { path: 'itinerary', kind: 'added', before: null, after: '2026-12-01 10:00 参观生产线' },
    ]);
  });

  it('tier, reason and retroactive flag', () => {
    const after = body({ tier: 'B', tierOverrideReason: '董事长带队', retroactive: true });
    expect(diffRequests(body(), after).map((c) => c.path)).toEqual([
      'tier',
      'tierOverrideReason',
      'retroactive',
    ]);
  });

  it('property: a body compared with itself has no changes; swapping sides swaps added/removed', () => {
    const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 6 });
    fc.assert(
      fc.property(names, names, (a, b) => {
        const before = body({ visitors: a.map((n) => visitor(n)) });
        const after = body({ visitors: b.map((n) => visitor(n)) });
        expect(diffRequests(before, before)).toEqual([]);
        const forward = diffRequests(before, after);
        const backward = diffRequests(after, before);
        const count = (cs: typeof forward, k: string) => cs.filter((c) => c.kind === k).length;
        expect(count(forward, 'added')).toBe(count(backward, 'removed'));
        expect(count(forward, 'removed')).toBe(count(backward, 'added'));
        expect(count(forward, 'added')).toBe(b.filter((n) => !a.includes(n)).length);
      }),
    );
  });
});

describe('diffRequests: the needs the booking plan reads', () => {
  it.each([
    ['pickupPlace', '首都机场 T3'],
    ['arrivalTransportNo', 'CA1234'],
    ['dropoffPlace', '北京南站'],
    ['departureTransportNo', 'G102'],
    ['mealPayer', 'visitor'],
  ] as const)('a changed %s is listed', (field, value) => {
    const b = body();
    const after = body({ needs: { ...b.needs, [field]: value } });
    expect(diffRequests(b, after)).toEqual([
      { path: `needs.${field}`, kind: 'changed', before: b.needs[field], after: value },
    ]);
  });
});
