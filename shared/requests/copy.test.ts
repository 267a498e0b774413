import { describe, expect, it } from 'vitest';
import { requestBody } from '../../main/test-fixtures';
import { copyForNewRequest } from './copy';

describe('copyForNewRequest', () => {
  const source = requestBody({
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-02',
    departureTime: '17:00',
    itinerary: [
      { date: '2026-12-01', time: '10:00', activity: '参观工厂', place: '一号厂房', owner: '' },
    ],
    retroactive: true,
    retroactiveReason: '临时来访',
  });
  const copy = copyForNewRequest(source, 7);

  it.each([
    ['arrivalDate', ''],
    ['arrivalTime', ''],
    ['departureDate', ''],
    ['departureTime', ''],
    ['retroactive', false],
    ['retroactiveReason', ''],
    ['departmentId', 7],
  ] as const)('%s becomes %j', (field, value) => {
    expect(copy[field]).toBe(value);
  });

  it('carries who comes, what they do, what they need (but meals) and the budget', () => {
    expect(copy.orgName).toBe(source.orgName);
    expect(copy.tier).toBe(source.tier);
    expect(copy.purpose).toBe(source.purpose);
    expect(copy.visitors).toEqual(source.visitors);
    expect(copy.companions).toEqual(source.companions);
    expect(copy.budget).toEqual(source.budget);
    expect(copy.itinerary).toEqual([{ ...source.itinerary[0], date: '' }]);
    expect(source.needs.meals).not.toEqual([]);
    expect(copy.needs.meals).toEqual([]); // planned again per day of the new stay
    expect({ ...copy.needs, meals: source.needs.meals }).toEqual(source.needs);
  });

  it('shares nothing with the source (editing the copy leaves it as it was)', () => {
    copy.visitors[0]!.name = '改过';
    expect(source.visitors[0]!.name).not.toBe('改过');
  });
});
