import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../main/test-support';
import { useCheapPasswords } from '../cheap-passwords';
import { setPasswordHasher } from '../../../main/domains/auth/passwords';
import {
  ALLOWED_WHILE_LOCKED,
  allowedByContract,
  checkPasswordHash,
  runIdleLock,
} from './idle-lock';
import { LockoutModel, RULES, runLockoutModel } from './lockout';

const T = Date.UTC(2026, 10, 27, 2);
const quiet = () => undefined;

beforeAll(() => useCheapPasswords());
afterAll(() => setPasswordHasher(null));

describe('D9 lockout model', () => {
  it('locks an account on the 5th wrong password for 15 minutes, names in any case', () => {
    const m = new LockoutModel(RULES);
    for (let i = 0; i < 4; i++) expect(m.login('Alice', false, 'c', T)).toBe('BAD_CREDENTIALS');
    expect(m.login('ALICE', false, 'c', T)).toBe('ACCOUNT_LOCKED 15');
    expect(m.login('alice', true, 'c', T + 60_000)).toBe('ACCOUNT_LOCKED 14');
    expect(m.login('alice', true, 'c', T + 15 * 60_000)).toBe('ok');
  });

  it('makes a client wait after 20 failures in 10 minutes', () => {
    const m = new LockoutModel(RULES);
    for (let i = 0; i < 20; i++) m.login(`ghost${i}`, false, 'c', T);
    expect(m.login('alice', true, 'c', T)).toBe('TOO_MANY_ATTEMPTS 10');
    expect(m.login('alice', true, 'other', T)).toBe('ok');
  });

  it('matches the app over sequences with restarts, and a model with 6 attempts is caught', async () => {
    const good = await runLockoutModel({ runs: 15, seed: 7, log: quiet });
    expect(good.failure).toBeNull();
    expect(good.restarts).toBeGreaterThan(0);
    const six = await runLockoutModel({
      runs: 200,
      seed: 7,
      log: quiet,
      rules: { ...RULES, maxAttempts: 6 },
    });
    expect(six.failure).not.toBeNull();
  }, 60_000);
});

describe('D9 idle lock and hash', () => {
  it('the contract lets exactly the listed operations through a lock, and a locked session gets no other', async () => {
    expect(allowedByContract()).toEqual(ALLOWED_WHILE_LOCKED);
    const r = await runIdleLock(makeTempDir());
    expect(r.leaks).toEqual([]);
    expect(r.refused).toBe(r.privileged);
    expect(r).toMatchObject({
      wrongPasswordKeptLock: true,
      unlockedWorks: true,
      auditUnchanged: true,
    });
  }, 60_000);

  it('reads argon2id m=19456 t=2 p=1 back from a real hash', async () => {
    expect(await checkPasswordHash()).toEqual({
      algorithm: 'argon2id',
      m: 19456,
      t: 2,
      p: 1,
      verifies: true,
      productionIsArgon2id: true,
    });
    useCheapPasswords();
  });
});
