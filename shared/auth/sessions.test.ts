import { describe, expect, it } from 'vitest';
import { isLive, SESSION_MAX_MS, sessionStatus, type SessionFacts } from './sessions';

const NOW = 1_800_000_000_000;
const MIN = 60_000;
const IDLE_MINUTES = 10;

/** A session opened an hour ago, used a minute ago, nothing else. */
const base: SessionFacts = {
  createdAtMs: NOW - 60 * MIN,
  lastActiveAtMs: NOW - MIN,
  locked: false,
  endedAtMs: null,
  revokedBy: null,
  userDisabled: false,
};

describe('sessionStatus', () => {
  it.each<[string, Partial<SessionFacts>, string]>([
    ['in use', {}, 'active'],
    ['idle exactly the idle lock', { lastActiveAtMs: NOW - IDLE_MINUTES * MIN }, 'active'],
    [
      'idle a moment past the idle lock',
      { lastActiveAtMs: NOW - IDLE_MINUTES * MIN - 1 },
      'locked',
    ],
    ['locked by hand', { locked: true }, 'locked'],
    ['exactly twelve hours old', { createdAtMs: NOW - SESSION_MAX_MS }, 'active'],
    ['past twelve hours', { createdAtMs: NOW - SESSION_MAX_MS - 1 }, 'expired'],
    [
      'past twelve hours and locked',
      { createdAtMs: NOW - SESSION_MAX_MS - 1, locked: true },
      'expired',
    ],
    ['of a disabled person', { userDisabled: true }, 'expired'],
    ['signed out', { endedAtMs: NOW - MIN }, 'ended'],
    ['signed out, then the person disabled', { endedAtMs: NOW - MIN, userDisabled: true }, 'ended'],
    ['ended by an administrator', { endedAtMs: NOW - MIN, revokedBy: 1 }, 'revoked'],
    [
      'ended by an administrator, long ago',
      { endedAtMs: NOW - SESSION_MAX_MS * 2, revokedBy: 1, createdAtMs: NOW - SESSION_MAX_MS * 3 },
      'revoked',
    ],
  ])('%s: %s', (_name, patch, expected) => {
    expect(sessionStatus({ ...base, ...patch }, NOW, IDLE_MINUTES)).toBe(expected);
  });

  it.each([
    ['active', true],
    ['locked', true],
    ['expired', false],
    ['ended', false],
    ['revoked', false],
  ] as const)('%s is live: %s', (status, live) => {
    expect(isLive(status)).toBe(live);
  });
});
