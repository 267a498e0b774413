/**
 * Issue 7 (11): the database CHECK on department names (`length(trim(name)) BETWEEN 1 AND 50`,
 * characters = code points, and cut short at a NUL) and the zod field agree: what zod accepts
 * the CHECK accepts, and what the CHECK would refuse is a field error, never a 500.
 */
import { describe, expect, it } from 'vitest';
import { adminApp } from '../../test-support';

describe('department names at the door', () => {
  it.each([
    ['a leading NUL', '\u0000Sales'],
    ['a NUL inside', 'Sa\u0000les'],
    ['a right-to-left override', 'Sales\u202Etxt.exe'],
    ['a bidi isolate', '\u2067Sales\u2069'],
    ['a lone surrogate', 'Sales\uD83D'],
    ['a C1 control', 'Sales\u0085'],
    ['DEL', 'Sales\u007F'],
    ['a newline', 'Sa\nles'],
    ['a tab', 'Sa\tles'],
  ])('refuses %s as a translated field error (4xx, not 500)', async (_, name) => {
    const { t, admin } = await adminApp();
    const error = await t.fail('departments.create', { name, headUserId: null }, admin.token);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors?.name).toEqual({ key: 'validation.invisibleChars', params: {} });
    expect(t.count('departments')).toBe(0);

    const ok = await t.ok('departments.create', { name: '销售部', headUserId: null }, admin.token);
    const renamed = await t.fail(
      'departments.update',
      { id: ok.id, name, headUserId: null },
      admin.token,
    );
    expect(renamed.fieldErrors?.name?.key).toBe('validation.invisibleChars');
  });

  it('counts code points like the CHECK: 50 emoji or CJK Extension B characters are accepted', async () => {
    const { t, admin } = await adminApp();
    for (const name of ['😀'.repeat(50), '𠀀'.repeat(50), '👩‍💻'.repeat(16) + 'ab']) {
      const dept = await t.ok('departments.create', { name, headUserId: null }, admin.token);
      expect(dept.name).toBe(name);
      expect(
        t.rows<{ n: number }>('SELECT length(name) AS n FROM departments WHERE id = ?', dept.id),
      ).toEqual([{ n: [...name].length }]);
    }
  });

  it('refuses 51 code points with the limit, where the CHECK would give a 500', async () => {
    const { t, admin } = await adminApp();
    const error = await t.fail(
      'departments.create',
      { name: '😀'.repeat(51), headUserId: null },
      admin.token,
    );
    expect(error.fieldErrors?.name).toEqual({ key: 'validation.tooLong', params: { max: 50 } });
    expect(error.message).toBeTruthy();
  });
});
