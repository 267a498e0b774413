import { describe, expect, it } from 'vitest';
import { stepAge } from './age';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;
const NOW = Date.UTC(2026, 11, 1, 8);

describe('stepAge', () => {
  it.each([
    ['just opened', 0, { unit: 'minute', count: 1, overdue: false }],
    ['a clock behind the server', -5 * MIN, { unit: 'minute', count: 1, overdue: false }],
    ['59 minutes', 59 * MIN + 59_000, { unit: 'minute', count: 59, overdue: false }],
    ['an hour', H, { unit: 'hour', count: 1, overdue: false }],
    ['23 hours 59', D - MIN, { unit: 'hour', count: 23, overdue: false }],
    ['a day', D, { unit: 'day', count: 1, overdue: false }],
    ['47 hours', 2 * D - H, { unit: 'day', count: 1, overdue: false }],
    ['two days', 2 * D, { unit: 'day', count: 2, overdue: true }],
    ['a month', 30 * D + 5 * H, { unit: 'day', count: 30, overdue: true }],
  ] as const)('%s', (_label, waited, age) => {
    expect(stepAge(NOW - waited, NOW)).toEqual(age);
  });
});
