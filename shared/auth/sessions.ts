/**
 * Sessions as the sysadmin sees them (issue 14: office mode): what state a session is in, the
 * rows of the sessions list and where its pages start. Pure: main decides with it whether a token
 * still opens anything (main/domains/auth/sessions.ts), and the list shows the same answer.
 */

/** A session ends 12 hours after sign-in whatever happens: a shift, not a week. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;

/**
 * - `active`, `locked`: live (the token opens the app; locked behind the idle lock until the
 *   password is given again);
 * - `expired`: past its 12 hours, or its person was disabled — never ended, but dead;
 * - `ended`: signed out, or ended by a password change, a lockout or a restore;
 * - `revoked`: ended by an administrator from the sessions list.
 */
export const SESSION_STATUSES = ['active', 'locked', 'expired', 'ended', 'revoked'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export interface SessionFacts {
  createdAtMs: number;
  lastActiveAtMs: number;
  locked: boolean;
  endedAtMs: number | null;
  /** The administrator who ended it from the sessions list; null when it ended otherwise. */
  revokedBy: number | null;
  userDisabled: boolean;
}

/** The session's state at `nowMs` under the company's idle lock. */
export function sessionStatus(s: SessionFacts, nowMs: number, idleLockMinutes: number) {
  let status: SessionStatus;
  if (s.endedAtMs !== null) status = s.revokedBy === null ? 'ended' : 'revoked';
  else if (s.userDisabled || nowMs - s.createdAtMs > SESSION_MAX_MS) status = 'expired';
  else if (s.locked || nowMs - s.lastActiveAtMs > idleLockMinutes * 60_000) status = 'locked';
  else status = 'active';
  return status;
}

/** Whether the token still opens the app (behind the idle lock or not). */
export const isLive = (status: SessionStatus) => status === 'active' || status === 'locked';

/** One row of the sysadmin's sessions list. */
export interface SessionView {
  /** An opaque id made at sign-in (not the token, nor its hash): what `sessions.revoke` takes. */
  id: string;
  userId: number;
  login: string;
  displayName: string;
  /** Where it was opened from: the HTTP peer address, 'local-app' for the desktop window; null: before this was recorded. */
  client: string | null;
  createdAtMs: number;
  lastActiveAtMs: number;
  endedAtMs: number | null;
  status: SessionStatus;
  /** The caller's own session: ended by signing out, not from the list. */
  current: boolean;
}

/**
 * Where the next page starts: the live sessions come first (newest activity first), then every
 * other one (ended, revoked, expired) in the same order; `live` says which of the two runs.
 */
export interface SessionCursor {
  live: boolean;
  atMs: number;
  id: string;
}

/** A session id: 16 hex digits (64 random bits, main/domains/auth/sessions.ts). */
export const SESSION_ID = /^[0-9a-f]{16}$/;

/** The client name of the desktop app's window (main/electron/ipc.ts), shown in words. */
export const LOCAL_APP_CLIENT = 'local-app';
