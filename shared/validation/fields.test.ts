import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFromZod } from './zod-errors';
import { anyPassword, isTimeZone, loginName, password, roles, timeZone } from './fields';

const keyOf = (result: { success: boolean; error?: unknown }) => {
  if (result.success) return 'ok';
  const fields = fieldErrorsFromZod(result.error as Parameters<typeof fieldErrorsFromZod>[0]);
  return Object.values(fields)[0]?.key;
};

describe('loginName', () => {
  it.each([
    ['zhang.san', 'zhang.san'],
    ['ab', 'ab'],
    ['a_b-c.9', 'a_b-c.9'],
    ['ZhangSan', 'zhangsan'],
    ['  li.si  ', 'li.si'],
    ['x'.repeat(32), 'x'.repeat(32)],
  ])('accepts %j as %j', (input, output) => {
    expect(loginName.parse(input)).toBe(output);
  });

  it.each([
    ['zhang san', 'validation.loginNameChars'],
    ['张三', 'validation.loginNameChars'],
    ['li😀', 'validation.loginNameChars'],
    ['zhang@corp', 'validation.loginNameChars'],
    ['ｚｈａｎｇ', 'validation.loginNameChars'],
    ['a', 'validation.loginNameLength'],
    ['  a  ', 'validation.loginNameLength'],
    ['', 'validation.loginNameLength'],
    ['x'.repeat(33), 'validation.loginNameLength'],
  ])('rejects %j with %s', (input, key) => {
    expect(keyOf(loginName.safeParse(input))).toBe(key);
  });

  it('rejects non-strings as required', () => {
    expect(keyOf(loginName.safeParse(undefined))).toBe('validation.required');
    expect(keyOf(loginName.safeParse(12))).toBe('validation.required');
  });

  it('any string the schema accepts becomes a name matching /^[a-z0-9._-]{2,32}$/', () => {
    const near = fc.string({
      unit: fc.constantFrom(...'aZ09._-@ 张😀\t\u3000İK'.split('')),
      maxLength: 40,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), near), (input) => {
        const result = loginName.safeParse(input);
        if (result.success) expect(result.data).toMatch(/^[a-z0-9._-]{2,32}$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('password', () => {
  it.each([
    ['1234567', 'validation.passwordLength'],
    ['', 'validation.passwordLength'],
    ['x'.repeat(129), 'validation.passwordLength'],
  ])('rejects %j with %s', (input, key) => {
    expect(keyOf(password.safeParse(input))).toBe(key);
  });

  it.each([['12345678'], ['x'.repeat(128)], ['  spaced  '], ['密码密码密码密码']])(
    'accepts %j',
    (input) => {
      expect(password.safeParse(input).success).toBe(true);
    },
  );

  it('keeps leading and trailing spaces: they are part of the secret', () => {
    expect(password.parse('  secret-1  ')).toBe('  secret-1  ');
  });

  it('counts an emoji as one character, like the user sees it', () => {
    // Seven characters are too few even when the emoji take two UTF-16 units each.
    expect(keyOf(password.safeParse('😀😀😀😀abc'))).toBe('validation.passwordLength');
    expect(password.safeParse('😀😀😀😀abcd').success).toBe(true);
    // 128 characters are allowed even when they take 256 UTF-16 units.
    expect(password.safeParse('😀'.repeat(128)).success).toBe(true);
    expect(keyOf(password.safeParse('😀'.repeat(129)))).toBe('validation.passwordLength');
  });

  it('the login form takes any non-empty password up to 128 characters', () => {
    expect(anyPassword.safeParse('x').success).toBe(true);
    expect(keyOf(anyPassword.safeParse(''))).toBe('validation.required');
    expect(keyOf(anyPassword.safeParse('x'.repeat(129)))).toBe('validation.passwordLength');
  });
});

describe('time zones', () => {
  it.each(['Asia/Shanghai', 'Asia/Hong_Kong', 'Europe/Berlin', 'America/New_York', 'UTC'])(
    'accepts %s',
    (tz) => {
      expect(isTimeZone(tz)).toBe(true);
      expect(timeZone.safeParse(tz).success).toBe(true);
    },
  );

  it.each(['Mars/Base', '+08:00', 'GMT+8', 'CST', '', 'Asia/', 'Shanghai'])('rejects %j', (tz) => {
    expect(isTimeZone(tz)).toBe(false);
    expect(keyOf(timeZone.safeParse(tz))).toBe('validation.timeZone');
  });

  it('trims the time zone', () => {
    expect(timeZone.parse(' Asia/Shanghai ')).toBe('Asia/Shanghai');
  });
});

describe('roles', () => {
  it.each([
    [['host'], 'ok'],
    [['host', 'sysadmin'], 'ok'],
    [[], 'validation.rolesRequired'],
    [['host', 'host'], 'validation.duplicate'],
    [['admin'], 'validation.invalidOption'],
  ])('%j → %s', (input, key) => {
    expect(keyOf(roles.safeParse(input))).toBe(key);
  });
});
