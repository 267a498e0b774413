import * as z from 'zod';
import type { Health, Page, SessionInfo } from '../contract/types';
import { empty, op } from '../contract/spec';
import { anyPassword, id, language, loginName, password, requiredText } from '../validation/fields';
import { SESSION_ID, type SessionCursor, type SessionView } from './sessions';

export const setupInput = z.strictObject({
  companyName: requiredText(100),
  login: loginName,
  displayName: requiredText(50),
  password,
});

const sessionId = z
  .string({ message: 'sessions.errors.badId' })
  .regex(SESSION_ID, { message: 'sessions.errors.badId' });

export const sessionsListInput = z.strictObject({
  /** The `next` of the page before. */
  after: z
    .strictObject({
      live: z.boolean(),
      atMs: z.number().int().nonnegative(),
      id: sessionId,
    })
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** How many sessions an administrator's call ended. */
export interface SessionsEnded {
  ended: number;
}

/**
 * How the desktop app's connection to the office server stands (client mode, issue 14), as main's
 * remote client reports it (main/client ConnectionStatus): `connecting` until the first attempt
 * ends; `certificate-changed` when the server shows another certificate than the one pinned,
 * `certificate-untrusted` when an unpinned one no longer verifies — nothing is sent then.
 */
export type ServerConnectionStatus =
  'connecting' | 'online' | 'offline' | 'certificate-changed' | 'certificate-untrusted';

/** Payloads of the auth domain's events. */
export interface AuthEvents {
  /** To the sessions an administrator ended: the client checks its session and signs out. */
  'sessions.ended': { reason: 'revoked' };
  /** Desktop client mode only: the connection's state, when it changes and on subscribing. */
  'system.connection': { status: ServerConnectionStatus };
  /** Desktop client mode only: events were missed (the server restarted): refetch what is shown. */
  'system.resync': Record<string, never>;
}

export const authOperations = {
  'system.health': op<Health>()({ input: empty, access: 'public', write: false, passive: true }),
  'setup.status': op<{ needsSetup: boolean }>()({
    input: empty,
    access: 'public',
    write: false,
    passive: true,
  }),
  'setup.createAdmin': op<SessionInfo>()({ input: setupInput, access: 'public', write: true }),
  'auth.login': op<SessionInfo>()({
    input: z.strictObject({ login: loginName, password: anyPassword }),
    access: 'public',
    write: true,
  }),
  'auth.logout': op<null>()({ input: empty, access: 'public', write: true, passive: true }),
  /** The current session, or null when signed out. Never an error for a missing session. */
  'auth.session': op<SessionInfo | null>()({
    input: empty,
    access: 'public',
    write: false,
    passive: true,
  }),
  'auth.lock': op<null>()({ input: empty, access: 'lockedSession', write: true, passive: true }),
  'auth.unlock': op<SessionInfo>()({
    input: z.strictObject({ password: anyPassword }),
    access: 'lockedSession',
    write: true,
  }),
  /** The renderer reports keyboard/mouse activity so the idle lock follows the person. */
  'auth.touch': op<null>()({ input: empty, access: 'session', write: false }),
  'auth.changePassword': op<null>()({
    input: z
      .strictObject({ currentPassword: anyPassword, newPassword: password })
      .refine((v) => v.currentPassword !== v.newPassword, {
        message: 'validation.passwordSame',
        path: ['newPassword'],
      }),
    access: 'session',
    write: true,
  }),
  'auth.setLanguage': op<null>()({
    input: z.strictObject({ language }),
    access: 'session',
    write: true,
  }),
  /** Every session, the live ones first (issue 14): who is signed in, from where, since when. */
  'sessions.list': op<Page<SessionView, SessionCursor>>()({
    input: sessionsListInput,
    access: 'sessions.manage',
    write: false,
  }),
  /** Ends one live session (not the caller's own: that is signing out). */
  'sessions.revoke': op<SessionsEnded>()({
    input: z.strictObject({ id: sessionId }),
    access: 'sessions.manage',
    write: true,
  }),
  /** Ends every live session of one person (the caller's own current one excepted). */
  'sessions.revokeUser': op<SessionsEnded>()({
    input: z.strictObject({ userId: id }),
    access: 'sessions.manage',
    write: true,
  }),
};
