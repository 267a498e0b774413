import { describe, expect, it } from 'vitest';
import { useCheapPasswords } from './cheap-passwords';
import { expectedAllowed, runMatrix } from './matrix/harness';

describe('D4 permission matrix', () => {
  it('matches the declared table through the dispatcher, and reports a wrong expectation and a broken grant', async () => {
    useCheapPasswords();
    const r = await runMatrix({ http: false });
    expect(r.dispatcherMatch).toBe(r.pairs);
    expect(r.unexpected).toBe(0);
    expect(r.probeAccepted).toEqual([]);
    expect(expectedAllowed('host', 'users.create')).toBe(false);
    expect(expectedAllowed('sysadmin', 'users.create')).toBe(true);
    expect(expectedAllowed('anonymous', 'auth.login')).toBe(true);

    const wrong = await runMatrix({
      http: false,
      wrongExpectation: { caller: 'finance', op: 'expenses.archive' },
    });
    expect(wrong.mismatches).toEqual([
      {
        via: 'dispatcher',
        caller: 'finance',
        op: 'expenses.archive',
        expected: 'deny',
        answer: 'INVALID_INPUT',
      },
    ]);
    const broken = await runMatrix({
      http: false,
      brokenGrant: { role: 'front_desk', permission: 'audit.read' },
    });
    expect(broken.mismatches.map((m) => `${m.caller} ${m.op}`)).toEqual(['front_desk audit.list']);
  });
});
