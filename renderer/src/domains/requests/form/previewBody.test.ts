import { describe, expect, it } from 'vitest';
import { emptyRequestBody, MAX_VISITORS } from '../../../../../shared/requests/schema';
import { toPreviewBody } from './previewBody';

const visitor = (over: Record<string, unknown> = {}) => ({
  name: '李明',
  title: '',
  phone: '',
  idType: null,
  idNumber: '',
  notes: '',
  ...over,
});

describe('the body the live preview is computed from', () => {
  it('passes a well-formed body through', () => {
    const body = { ...emptyRequestBody(), orgName: '华东电力', visitors: [visitor()] };
    expect(toPreviewBody(body)).toEqual(body);
  });

  it('keeps half-typed visitors counted, with their malformed parts blanked', () => {
    const body = {
      ...emptyRequestBody(),
      visitors: [
        visitor({ name: '', phone: '12' }),
        visitor({ idType: 'resident_id', idNumber: '123' }),
        visitor({ idType: 'resident_id', idNumber: '110101199003074515' }),
      ],
    };
    const out = toPreviewBody(body);
    expect(out?.visitors).toHaveLength(3);
    expect(out?.visitors[0]).toMatchObject({ name: '#1', phone: '' });
    expect(out?.visitors[1]).toMatchObject({ idType: 'resident_id', idNumber: '' });
    // A wrong check digit is well-formed: the preview's warning must still see it.
    expect(out?.visitors[2]?.idNumber).toBe('110101199003074515');
  });

  it('caps an oversized group and drops malformed amounts and dates', () => {
    const body = {
      ...emptyRequestBody(),
      arrivalDate: '2025-13-45',
      purpose: 'x'.repeat(10_000),
      visitors: Array.from({ length: 500 }, (_, i) => visitor({ name: `V${i}` })),
      budget: [
        { category: 'meals', amountFen: -100, reason: '' },
        { category: 'gifts', amountFen: 12.5, reason: '' },
        { category: 'venue', amountFen: 5000, reason: '' },
      ],
      needs: {
        ...emptyRequestBody().needs,
        carTrips: 1.5,
        meals: [
          { date: '2025-06-01', meal: 'lunch', perHeadFen: -1 },
          { date: '2025-06-01', meal: 'lunch', perHeadFen: 100 },
        ],
      },
    };
    const out = toPreviewBody(body);
    expect(out).not.toBeNull();
    expect(out?.visitors).toHaveLength(MAX_VISITORS);
    expect(out?.arrivalDate).toBe('');
    expect(out?.purpose).toHaveLength(2000);
    expect(out?.budget).toEqual([{ category: 'venue', amountFen: 5000, reason: '' }]);
    expect(out?.needs.carTrips).toBe(0);
    expect(out?.needs.meals).toEqual([{ date: '2025-06-01', meal: 'lunch', perHeadFen: null }]);
  });

  it('never fails on garbage', () => {
    expect(toPreviewBody(undefined)).toEqual(emptyRequestBody());
    expect(toPreviewBody({ visitors: 'x', needs: 3 })).toEqual(emptyRequestBody());
  });
});
