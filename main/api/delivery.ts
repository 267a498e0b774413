import { hashToken, resolveSession, type SessionState } from '../domains/auth';
import { getSettings } from '../domains/settings';
import type { App } from './dispatcher';
import type { AppEvent } from './events';

/**
 * Whether a transport's client gets an event — the one rule of the Electron windows
 * (main/electron/ipc.ts) and the HTTP event streams (main/server/). `tokenHash` is the hash of the
 * token the client holds, `state` what resolveSession answers for it now: resolved at delivery,
 * not when the client subscribed, so that a sign-out or another person signing in on a shared
 * machine takes effect at once.
 *
 * - An event addressed to sessions (`event.sessions`) goes to those alone, live or not: a
 *   revocation tells the very clients it signed out, which by user would no longer get anything.
 * - Any other event goes to the live (active or locked) sessions of its users.
 */
export function eventIsFor(
  event: Pick<AppEvent, 'userIds' | 'sessions'>,
  tokenHash: string | null,
  state: SessionState,
): boolean {
  if (event.sessions !== undefined) return tokenHash !== null && event.sessions.includes(tokenHash);
  return (
    (state.status === 'active' || state.status === 'locked') && event.userIds.includes(state.userId)
  );
}

/** A client's session as delivery sees it: its token's hash and its state resolved now. */
export interface ClientSession {
  tokenHash: string;
  state: SessionState;
}

export async function clientSession(
  app: Pick<App, 'db' | 'clock'>,
  token: string | null,
): Promise<ClientSession | null> {
  if (token === null) return null;
  const settings = await getSettings(app.db);
  const state = await resolveSession(app.db, token, app.clock(), settings.idleLockMinutes);
  return { tokenHash: hashToken(token), state };
}

/**
 * `eventIsFor` for a client holding `token`, its session resolved now: the state when the event
 * is for it (what a transport may need besides, e.g. the person's language), else null.
 */
export async function eventRecipient(
  app: Pick<App, 'db' | 'clock'>,
  token: string | null,
  event: AppEvent,
): Promise<SessionState | null> {
  const session = await clientSession(app, token);
  return session && eventIsFor(event, session.tokenHash, session.state) ? session.state : null;
}
