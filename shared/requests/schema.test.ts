import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../policy/evaluate';
import { DEFAULT_POLICY } from '../policy/policy';
import { fieldErrorsFromZod } from '../validation/zod-errors';
import {
  departsBeforeArrival,
  emptyRequestBody,
  MAX_VISITORS,
  requestBodySchema,
  submitIssues,
  type RequestBody,
  type RequestBodyInput,
  type Visitor,
} from './schema';
import { fen } from '../validation/fields';

const visitor = (name: string, extra: Partial<Visitor> = {}): Visitor => ({
  name,
  title: '',
  phone: '',
  idType: null,
  idNumber: '',
  notes: '',
  ...extra,
});

/** A complete C-tier visit, as the form sends it. */
function input(overrides: Partial<RequestBodyInput> = {}): RequestBodyInput {
  const b = emptyRequestBody();
  return {
    ...b,
    orgName: '华东精密仪器有限公司',
    purpose: '洽谈年度采购合同',
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-02',
    departureTime: '12:00',
    visitors: [visitor('陈立'), visitor('Anna Müller')],
    companions: [{ userId: null, name: '销售经理' }],
    ...overrides,
  };
}

const parse = (value: unknown) => requestBodySchema.safeParse(value);
/** Field → message key of every issue (first per field). */
const errorsOf = (value: unknown): Record<string, string> => {
  const r = parse(value);
  if (r.success) return {};
  return Object.fromEntries(
    Object.entries(fieldErrorsFromZod(r.error)).map(([path, m]) => [path, m.key]),
  );
};
const parsed = (value: RequestBodyInput): RequestBody => {
  const r = parse(value);
  if (!r.success) throw new Error(JSON.stringify(fieldErrorsFromZod(r.error)));
  return r.data;
};

describe('requestBodySchema', () => {
  it('accepts a complete request unchanged', () => {
    const value = input();
    expect(parsed(value)).toEqual(value);
  });

  it('accepts the empty draft', () => {
    expect(parse(emptyRequestBody()).success).toBe(true);
  });

  it('accepts Chinese and emoji in every text field, unchanged', () => {
    const s = (n: number) => `接待🎉${n}号😀`;
    const value = input({
      orgName: s(1),
      tierOverrideReason: s(2),
      purpose: `${s(3)} 𠮷野家 👨‍👩‍👧`,
      retroactiveReason: s(4),
      visitors: [visitor(s(5), { title: s(6), notes: s(7), idType: 'other', idNumber: s(8) })],
      companions: [{ userId: 3, name: s(9) }],
      itinerary: [
        { date: '2026-12-01', time: '10:00', activity: s(10), place: s(11), owner: s(12) },
      ],
      budget: [{ category: 'gifts', amountFen: 100, reason: s(13) }],
    });
    expect(parsed(value)).toEqual(value);
  });

  it('trims text fields', () => {
    expect(parsed(input({ orgName: '  华为  ', purpose: '\u3000参观\u3000' }))).toMatchObject({
      orgName: '华为',
      purpose: '参观',
    });
  });

  it(`accepts ${MAX_VISITORS} visitors and rejects 500`, () => {
    const crowd = (n: number) => Array.from({ length: n }, (_, i) => visitor(`访客${i}`));
    expect(errorsOf(input({ visitors: crowd(200) }))).toEqual({});
    expect(errorsOf(input({ visitors: crowd(201) }))).toEqual({
      visitors: 'validation.tooManyVisitors',
    });
    expect(errorsOf(input({ visitors: crowd(500) }))).toEqual({
      visitors: 'validation.tooManyVisitors',
    });
  });

  it('rejects a 10 000-character purpose, accepts 2 000', () => {
    expect(errorsOf(input({ purpose: '目'.repeat(10_000) }))).toEqual({
      purpose: 'validation.tooLong',
    });
    expect(errorsOf(input({ purpose: '目'.repeat(2000) }))).toEqual({});
  });

  it.each([
    ['orgName', 101],
    ['tierOverrideReason', 501],
    ['retroactiveReason', 501],
  ] as const)('%s longer than %i characters is too long', (field, n) => {
    expect(errorsOf(input({ [field]: 'x'.repeat(n) }))).toEqual({ [field]: 'validation.tooLong' });
  });

  it.each([
    ['138 0013 8000', '13800138000'],
    ['+86-138-0013-8000', '13800138000'],
    ['(010) 6552-9988', '01065529988'],
    ['+1 415 555 0100', '+14155550100'],
  ])('normalises the visitor phone %j to %j', (raw, normalised) => {
    expect(parsed(input({ visitors: [visitor('陈立', { phone: raw })] })).visitors[0]?.phone).toBe(
      normalised,
    );
  });

  it.each(['garbage', '12345', '+86 138', '电话号码', '1'.repeat(41)])(
    'rejects the visitor phone %j',
    (raw) => {
      const errors = errorsOf(input({ visitors: [visitor('陈立', { phone: raw })] }));
      expect(Object.keys(errors)).toEqual(['visitors.0.phone']);
      expect(['validation.phone', 'validation.tooLong']).toContain(errors['visitors.0.phone']);
    },
  );

  it('a resident ID with a wrong check digit is accepted; the policy check warns', () => {
    const value = input({
      visitors: [visitor('陈立', { idType: 'resident_id', idNumber: '110105194912310021' })],
      companions: [],
    });
    const body = parsed(value);
    const checks = evaluateChecks(body, DEFAULT_POLICY, {
      today: '2026-11-27',
      otherVisitDates: [],
    });
    expect(checks).toEqual([
      { code: 'id_check_digit', severity: 'warn', params: { name: '陈立', row: 1 } },
    ]);
  });

  it.each(['12345', '11010519491231002Y', '1101051949123100 2X'])(
    'a resident ID %j that is not 18 characters of digits (+X) is rejected',
    (idNumber) => {
      expect(
        errorsOf(input({ visitors: [visitor('陈立', { idType: 'resident_id', idNumber })] })),
      ).toEqual({ 'visitors.0.idNumber': 'validation.residentId' });
    },
  );

  it('an ID number needs an ID type', () => {
    expect(errorsOf(input({ visitors: [visitor('陈立', { idNumber: 'E1234567' })] }))).toEqual({
      'visitors.0.idType': 'validation.idTypeRequired',
    });
  });

  it('a visitor needs a name', () => {
    expect(errorsOf(input({ visitors: [visitor('  ')] }))).toEqual({
      'visitors.0.name': 'validation.required',
    });
  });

  it.each([
    [-1, 'validation.nonNegative'],
    [-100, 'validation.nonNegative'],
    [0.5, 'validation.fenInteger'],
    [100.01, 'validation.fenInteger'],
    [Number.NaN, 'validation.required'],
    [Number.POSITIVE_INFINITY, 'validation.required'],
    [10_000_000_01, 'validation.tooBig'],
  ])('a budget amount of %d fen is rejected (%s)', (amountFen, key) => {
    expect(errorsOf(input({ budget: [{ category: 'gifts', amountFen, reason: '' }] }))).toEqual({
      'budget.0.amountFen': key,
    });
    expect(fen.safeParse(amountFen).success).toBe(false);
  });

  it.each([-1, 0.5, 9999.9])('a planned meal of %d fen per head is rejected', (perHeadFen) => {
    const value = input({
      needs: {
        ...emptyRequestBody().needs,
        meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen }],
      },
    });
    expect(Object.keys(errorsOf(value))).toEqual(['needs.meals.0.perHeadFen']);
  });

  it('accepts 0 fen and whole fen', () => {
    expect(errorsOf(input({ budget: [{ category: 'gifts', amountFen: 0, reason: '' }] }))).toEqual(
      {},
    );
    expect(fen.parse(12345)).toBe(12345);
  });

  it('rejects the same budget category twice', () => {
    expect(
      errorsOf(
        input({
          budget: [
            { category: 'gifts', amountFen: 1, reason: '' },
            { category: 'gifts', amountFen: 2, reason: '' },
          ],
        }),
      ),
    ).toEqual({ budget: 'validation.duplicate' });
  });

  it.each(['2026-12-1', '01/12/2026', '2026-13-01', '2026-12-01T00:00', 'tomorrow'])(
    'rejects the arrival date %j',
    (arrivalDate) => {
      expect(errorsOf(input({ arrivalDate }))).toEqual({ arrivalDate: 'validation.date' });
    },
  );

  it.each(['2026-02-30', '2026-02-29', '2026-04-31', '2026-12-32'])(
    'rejects the impossible calendar date %j',
    (arrivalDate) => {
      expect(errorsOf(input({ arrivalDate }))).toEqual({ arrivalDate: 'validation.date' });
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(errorsOf(input({ arrivalDate: '2028-02-29', departureDate: '2028-03-01' }))).toEqual({});
  });

  it.each(['24:00', '9:30', '09:60', '0930'])('rejects the time %j', (arrivalTime) => {
    expect(errorsOf(input({ arrivalTime }))).toEqual({ arrivalTime: 'validation.time' });
  });

  it('rejects unknown fields, tiers and categories', () => {
    expect(Object.keys(errorsOf({ ...input(), hacked: true }))).toEqual(['_']);
    expect(errorsOf(input({ tier: 'E' as 'A' }))).toEqual({ tier: 'validation.invalidOption' });
    expect(errorsOf(input({ orgCategory: 'vip' as 'client' }))).toEqual({
      orgCategory: 'validation.invalidOption',
    });
  });
});

describe('submitIssues', () => {
  const issuesOf = (o: Partial<RequestBodyInput>) =>
    submitIssues(parsed(input(o))).map((i) => `${i.path}:${i.key}`);

  it('a complete request has none', () => {
    expect(issuesOf({})).toEqual([]);
  });

  it('the empty draft lists every missing part', () => {
    expect(submitIssues(emptyRequestBody()).map((i) => `${i.path}:${i.key}`)).toEqual([
      'orgName:validation.required',
      'purpose:validation.required',
      'arrivalDate:validation.required',
      'arrivalTime:validation.required',
      'departureDate:validation.required',
      'departureTime:validation.required',
      'visitors:validation.visitorsRequired',
    ]);
  });

  it.each([
    ['departure the day before arrival', { departureDate: '2026-11-30' }],
    ['departure earlier the same day', { departureDate: '2026-12-01', departureTime: '09:00' }],
    ['departure at the arrival minute', { departureDate: '2026-12-01', departureTime: '09:30' }],
    ['arrival a year after departure', { arrivalDate: '2027-12-01', departureDate: '2026-12-02' }],
  ] as const)('%s: departureAfterArrival', (_label, o) => {
    expect(issuesOf(o)).toEqual(['departureDate:validation.departureAfterArrival']);
  });

  it('departure one minute after arrival is fine', () => {
    expect(issuesOf({ departureDate: '2026-12-01', departureTime: '09:31' })).toEqual([]);
  });

  it('a departure day before the arrival day is reversed before any time is typed', () => {
    const stay = { arrivalDate: '2026-12-02', arrivalTime: '', departureTime: '' };
    expect(departsBeforeArrival({ ...stay, departureDate: '2026-12-01' })).toBe(true);
    expect(departsBeforeArrival({ ...stay, departureDate: '2026-12-02' })).toBe(false);
    expect(departsBeforeArrival({ ...stay, departureDate: '' })).toBe(false);
    expect(issuesOf({ ...stay, departureDate: '2026-12-01' })).toEqual([
      'arrivalTime:validation.required',
      'departureTime:validation.required',
      'departureDate:validation.departureAfterArrival',
    ]);
  });

  it('zero visitors: visitorsRequired', () => {
    expect(issuesOf({ visitors: [] })).toEqual(['visitors:validation.visitorsRequired']);
  });

  it.each(['orgName', 'purpose', 'arrivalDate', 'arrivalTime', 'departureDate', 'departureTime'])(
    'a missing %s is required',
    (field) => {
      expect(issuesOf({ [field]: '' })).toEqual([`${field}:validation.required`]);
    },
  );

  it('a retroactive request needs its reason', () => {
    expect(issuesOf({ retroactive: true })).toEqual(['retroactiveReason:validation.required']);
    expect(issuesOf({ retroactive: true, retroactiveReason: '事后补办' })).toEqual([]);
  });

  it('hotel nights need rooms', () => {
    const needs = { ...emptyRequestBody().needs, hotelNights: 2, hotelRooms: 0 };
    expect(issuesOf({ needs })).toEqual(['needs.hotelRooms:validation.roomsRequired']);
    expect(issuesOf({ needs: { ...needs, hotelRooms: 1 } })).toEqual([]);
  });
});
