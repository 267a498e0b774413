import { describe, expect, it } from 'vitest';
import { targetPath, type NotificationTarget } from './target';

describe('targetPath', () => {
  it.each<[NotificationTarget | null, string | null]>([
    [{ type: 'request', id: 42 }, '/requests/42'],
    [{ type: 'walkIn', id: 7 }, '/walk-ins/7'],
    [{ type: 'users' }, '/users'],
    [{ type: 'account' }, '/account'],
    [null, null],
  ])('%j → %s', (target, path) => {
    expect(targetPath(target)).toBe(path);
  });
});
