import { describe, expect, it } from 'vitest';
import {
  EVENT_NAMES,
  OPERATION_NAMES,
  isEventName,
  isOperationName,
  type OperationName,
} from './names';
import { OPERATIONS } from './operations';

/** Writes that deliberately do not count as user activity for the idle lock. */
const PASSIVE_WRITES: OperationName[] = ['auth.logout', 'auth.lock'];

describe('operation names', () => {
  it('OPERATION_NAMES is the same set as the keys of OPERATIONS, without duplicates', () => {
    expect(new Set(OPERATION_NAMES).size).toBe(OPERATION_NAMES.length);
    expect([...OPERATION_NAMES].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('every name is <domain>.<verb>', () => {
    for (const name of [...OPERATION_NAMES, ...EVENT_NAMES]) {
      expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    }
  });

  it('no write operation is passive except the intended ones (logout, lock)', () => {
    const passiveWrites = OPERATION_NAMES.filter(
      (n) => OPERATIONS[n].write && OPERATIONS[n].passive === true,
    );
    expect(passiveWrites.sort()).toEqual([...PASSIVE_WRITES].sort());
  });

  it('only health, setup, login, logout, the session read and the recovery screen are public', () => {
    const publicOps = OPERATION_NAMES.filter((n) => OPERATIONS[n].access === 'public');
    expect(publicOps.sort()).toEqual(
      [
        // Before sign-in, since a damaged database's users cannot be trusted; refused unless the
        // database was found damaged at start (main/domains/backups).
        'backups.recover',
        'backups.recoveryStatus',
        'auth.login',
        'auth.logout',
        'auth.session',
        'setup.createAdmin',
        'setup.status',
        'system.health',
      ].sort(),
    );
  });

  it('isOperationName accepts the contract names only, not object properties', () => {
    for (const name of OPERATION_NAMES) expect(isOperationName(name)).toBe(true);
    for (const name of [
      'toString',
      '__proto__',
      'constructor',
      'users',
      'users.drop',
      '',
      1,
      null,
    ]) {
      expect(isOperationName(name)).toBe(false);
    }
  });

  it('isEventName accepts the event names only', () => {
    for (const name of EVENT_NAMES) expect(isEventName(name)).toBe(true);
    expect(isEventName('notifications.list')).toBe(false);
    expect(isEventName('hasOwnProperty')).toBe(false);
  });
});
