import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/auth/roles';
import type { SessionInfo } from '../../../shared/contract/types';
import type { Language } from '../../../shared/i18n/translate';
import { call, onSessionError, subscribe } from '../api/client';
import i18n, { rememberLanguage } from '../i18n';

type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; key: string }
  | { kind: 'setup' }
  /** The database failed its check at start: only the recovery screen (domains/backups). */
  | { kind: 'recovery' }
  /** `notice`: why the person was signed out (an i18n key), for the sign-in screen to say. */
  | { kind: 'signedOut'; notice?: string }
  | { kind: 'signedIn'; session: SessionInfo };

interface SessionApi {
  phase: Phase;
  session: SessionInfo | null;
  /** Install a session returned by setup, login or unlock. */
  adopt: (session: SessionInfo) => void;
  signOut: () => Promise<void>;
  lock: () => Promise<void>;
  refresh: () => Promise<void>;
  can: (permission: Permission) => boolean;
  setLanguage: (language: Language) => Promise<void>;
}

const Ctx = createContext<SessionApi | null>(null);

/** Main's message for a call with a session an administrator ended (main/api/dispatcher.ts). */
const REVOKED = 'errors.sessionRevoked';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  /**
   * The language the person picked on the setup, sign-in or lock screen, not yet saved for him
   * (nobody is signed in there to save it for). Null when he picked nothing: then his stored
   * language applies.
   */
  const picked = useRef<Language | null>(null);

  const adopt = useCallback((session: SessionInfo) => {
    const stored = session.user.language;
    const language = picked.current ?? stored;
    picked.current = null;
    void i18n.changeLanguage(language);
    rememberLanguage(language);
    setPhase({
      kind: 'signedIn',
      session: language === stored ? session : { ...session, user: { ...session.user, language } },
    });
    // What he picked before signing in is his choice: it becomes his stored language.
    if (language !== stored) void call('auth.setLanguage', { language });
  }, []);

  // A promise chain rather than async/await: the state changes happen in callbacks only.
  const refresh = useCallback(
    () =>
      call('setup.status', {}).then(async (status) => {
        if (!status.ok) {
          // A damaged database refuses everything but its recovery (main/api/dispatcher.ts).
          if (status.error.key === 'backups.errors.damagedDatabase') setPhase({ kind: 'recovery' });
          else setPhase({ kind: 'error', key: status.error.key });
          return;
        }
        if (status.value.needsSetup) {
          setPhase({ kind: 'setup' });
          return;
        }
        const current = await call('auth.session', {});
        if (current.ok && current.value) adopt(current.value);
        else setPhase({ kind: 'signedOut' });
      }),
    [adopt],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onSessionError((error) => {
        if (error.code === 'SESSION_LOCKED') {
          setPhase((p) =>
            p.kind === 'signedIn'
              ? { kind: 'signedIn', session: { ...p.session, locked: true } }
              : p,
          );
        } else {
          setPhase(
            error.key === REVOKED ? { kind: 'signedOut', notice: REVOKED } : { kind: 'signedOut' },
          );
          window.history.replaceState(null, '', '#/');
        }
      }),
    [],
  );

  // An administrator ended this session (issue 14): main tells the ended session itself. The
  // event is a hint, not proof: the session is asked for, and only a session main no longer
  // knows signs out — with the reason on the sign-in screen. The person's other sessions get no
  // such event and stay signed in.
  const signedInUser = phase.kind === 'signedIn' ? phase.session.user.id : null;
  useEffect(() => {
    if (signedInUser === null) return;
    return subscribe('sessions.ended', () => {
      void call('auth.session', {}).then((current) => {
        if (!current.ok || current.value !== null) return;
        setPhase({ kind: 'signedOut', notice: REVOKED });
        window.history.replaceState(null, '', '#/');
      });
    });
  }, [signedInUser]);

  const signOut = useCallback(async () => {
    await call('auth.logout', {});
    // A pick made behind the lock was the leaving person's, not the next one's.
    picked.current = null;
    setPhase({ kind: 'signedOut' });
    // The next person starts at home, not on the page the last one left open. replaceState
    // tells no router: the signed-in one is going away and must not hold the exit for a form.
    window.history.replaceState(null, '', '#/');
  }, []);

  const lock = useCallback(async () => {
    await call('auth.lock', {});
    setPhase((p) =>
      p.kind === 'signedIn' ? { kind: 'signedIn', session: { ...p.session, locked: true } } : p,
    );
  }, []);

  const signedInUnlocked = phase.kind === 'signedIn' && !phase.session.locked;
  const setLanguage = useCallback(
    async (language: Language) => {
      await i18n.changeLanguage(language);
      rememberLanguage(language);
      if (!signedInUnlocked) {
        // Before sign-in (or behind the lock) this machine remembers it, and sign-in saves it for
        // whoever signs in (see `adopt`).
        picked.current = language;
        return;
      }
      setPhase((p) => {
        if (p.kind !== 'signedIn') return p;
        return {
          kind: 'signedIn',
          session: { ...p.session, user: { ...p.session.user, language } },
        };
      });
      await call('auth.setLanguage', { language });
    },
    [signedInUnlocked],
  );

  const value = useMemo<SessionApi>(() => {
    const session = phase.kind === 'signedIn' ? phase.session : null;
    return {
      phase,
      session,
      adopt,
      signOut,
      lock,
      refresh,
      setLanguage,
      can: (permission) => session?.permissions.includes(permission) ?? false,
    };
  }, [phase, adopt, signOut, lock, refresh, setLanguage]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The company's time zone when someone is signed in (null outside a session, e.g. in tests). */
export function useCompanyTimeZone(): string | null {
  return useContext(Ctx)?.session?.settings.timeZone ?? null;
}

/** For pages behind the sign-in: the session is known to exist. */
export function useSignedIn(): SessionInfo {
  const { session } = useSession();
  if (!session) throw new Error('useSignedIn without a session');
  return session;
}
