import { describe, expect, it } from 'vitest';
import { emptyRequestBody } from '../../../../../shared/requests/schema';
import type { FormValues } from './common';
import { formIssues, isBlankForm } from './readiness';

const visitor = (over: Record<string, unknown> = {}) => ({
  name: '李明',
  title: '',
  phone: '',
  idType: null,
  idNumber: '',
  notes: '',
  ...over,
});
const blankVisitor = visitor({ name: '' });

/** A request that would submit: every required field filled. */
const complete = (): FormValues => ({
  ...emptyRequestBody(),
  orgName: '华东电力设计院',
  purpose: '技术交流',
  arrivalDate: '2026-12-03',
  arrivalTime: '09:30',
  departureDate: '2026-12-03',
  departureTime: '17:00',
  visitors: [visitor()],
});

const paths = (v: FormValues) => formIssues(v)?.map((i) => `${i.path}:${i.key}`) ?? null;

describe('what the side panel reports before submit (formIssues)', () => {
  it.each<[string, FormValues, string[] | null]>([
    ['a blank form: nothing to judge yet', emptyRequestBody(), null],
    [
      'a blank form with an empty visitor row',
      { ...emptyRequestBody(), visitors: [blankVisitor] },
      null,
    ],
    ['a complete request', complete(), []],
    [
      'only the organisation typed: everything else required, in the order of the form',
      { ...emptyRequestBody(), orgName: '华东电力' },
      [
        'purpose:validation.required',
        'arrivalDate:validation.required',
        'arrivalTime:validation.required',
        'departureDate:validation.required',
        'departureTime:validation.required',
        'visitors:validation.visitorsRequired',
      ],
    ],
    [
      'a malformed phone does not hide a missing time',
      { ...complete(), arrivalTime: '', visitors: [visitor({ phone: '12' })] },
      ['arrivalTime:validation.required', 'visitors.0.phone:validation.phone'],
    ],
    [
      'blank rows are dropped as submit drops them, row numbers stay as shown',
      {
        ...complete(),
        visitors: [blankVisitor, visitor(), blankVisitor, visitor({ name: '', title: '处长' })],
      },
      ['visitors.3.name:validation.required'],
    ],
    [
      'only blank visitor rows: no visitor at all',
      { ...complete(), visitors: [blankVisitor, blankVisitor] },
      ['visitors:validation.visitorsRequired'],
    ],
    [
      'an itinerary row without its activity (the date alone is prefilled)',
      {
        ...complete(),
        itinerary: [
          { date: '2026-12-03', time: '', activity: '', place: '', owner: '' },
          { date: '2026-12-03', time: '10:00', activity: '', place: '', owner: '' },
        ],
      },
      ['itinerary.1.activity:validation.required'],
    ],
    [
      'departure before arrival',
      { ...complete(), departureTime: '08:00' },
      ['departureDate:validation.departureAfterArrival'],
    ],
    [
      'nights without rooms',
      { ...complete(), needs: { ...complete().needs, hotelNights: 2 } },
      ['needs.hotelRooms:validation.roomsRequired'],
    ],
  ])('%s', (_, values, expected) => {
    expect(paths(values)).toEqual(expected);
  });

  it('a form counts as blank until something the host must type is there', () => {
    expect(isBlankForm(emptyRequestBody())).toBe(true);
    expect(
      isBlankForm({
        ...emptyRequestBody(),
        tier: 'A',
        needs: { ...emptyRequestBody().needs, pickup: true },
      }),
    ).toBe(true);
    expect(isBlankForm({ ...emptyRequestBody(), purpose: '交流' })).toBe(false);
    expect(isBlankForm({ ...emptyRequestBody(), visitors: [visitor()] })).toBe(false);
  });
});
