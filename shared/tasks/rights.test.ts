import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import { isOverdue, mayActOnTask } from './rights';

const ME = 7;
describe('mayActOnTask', () => {
  it.each<[string, Role[], { ownerUserId: number | null; ownerRole: string | null }, boolean]>([
    ['his own task', ['host'], { ownerUserId: ME, ownerRole: null }, true],
    ["another host's task", ['host'], { ownerUserId: 8, ownerRole: null }, false],
    [
      'a task of his role',
      ['admin_office'],
      { ownerUserId: null, ownerRole: 'admin_office' },
      true,
    ],
    [
      'a task of a role he lacks',
      ['host'],
      { ownerUserId: null, ownerRole: 'admin_office' },
      false,
    ],
    [
      "the admin office, a host's task",
      ['admin_office'],
      { ownerUserId: 8, ownerRole: null },
      true,
    ],
    ['an executive', ['executive'], { ownerUserId: 8, ownerRole: null }, false],
    ['a sysadmin', ['sysadmin'], { ownerUserId: null, ownerRole: 'admin_office' }, false],
  ])('%s', (_, roles, task, expected) => {
    expect(mayActOnTask({ userId: ME, roles }, task)).toBe(expected);
  });
});

describe('isOverdue', () => {
  it.each([
    ['due later', { dueAtMs: 10, doneAtMs: null, voidedAtMs: null }, false],
    ['due exactly now', { dueAtMs: 5, doneAtMs: null, voidedAtMs: null }, false],
    ['past due', { dueAtMs: 4, doneAtMs: null, voidedAtMs: null }, true],
    ['past due but done', { dueAtMs: 4, doneAtMs: 3, voidedAtMs: null }, false],
    ['past due but voided', { dueAtMs: 4, doneAtMs: null, voidedAtMs: 3 }, false],
  ])('%s', (_, task, expected) => {
    expect(isOverdue(task, 5)).toBe(expected);
  });
});
