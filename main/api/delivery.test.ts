import { describe, expect, it } from 'vitest';
import type { SessionState } from '../domains/auth';
import { eventIsFor } from './delivery';

const user = { displayName: '张伟', language: 'zh-CN', mustChangePassword: 0 };
const live = (status: 'active' | 'locked', userId: number): SessionState => ({
  status,
  tokenHash: 'h1',
  userId,
  lastActiveAtMs: 0,
  user,
});
const ended: SessionState = { status: 'expired', revoked: true };

describe('eventIsFor: who a transport delivers an event to', () => {
  it.each<
    [string, { userIds: number[]; sessions?: string[] }, string | null, SessionState, boolean]
  >([
    ['a live session of a recipient', { userIds: [7] }, 'h1', live('active', 7), true],
    ['a session behind the idle lock', { userIds: [7] }, 'h1', live('locked', 7), true],
    ['a live session of someone else', { userIds: [8] }, 'h1', live('active', 7), false],
    ['an ended session of a recipient', { userIds: [7] }, 'h1', ended, false],
    ['no session', { userIds: [7] }, null, { status: 'none' }, false],
    // A revocation's event: to the ended sessions it names, and to no one else.
    ['an ended session it names', { userIds: [7], sessions: ['h1'] }, 'h1', ended, true],
    ['a live session it names', { userIds: [7], sessions: ['h1'] }, 'h1', live('active', 7), true],
    [
      'another live session of the same person',
      { userIds: [7], sessions: ['h2'] },
      'h1',
      live('active', 7),
      false,
    ],
    ['an ended session it does not name', { userIds: [7], sessions: ['h2'] }, 'h1', ended, false],
    [
      'no session, sessions named',
      { userIds: [7], sessions: ['h1'] },
      null,
      { status: 'none' },
      false,
    ],
  ])('%s', (_name, event, tokenHash, state, expected) => {
    expect(eventIsFor(event, tokenHash, state)).toBe(expected);
  });
});
