import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { appTheme } from './theme';
import { ConnectionStrip } from './layout/ConnectionStrip';
import { useReducedMotion } from './layout/useReducedMotion';
import { LockScreen } from './domains/auth/LockScreen';
import { LoginPage } from './domains/auth/LoginPage';
import { lazyScreen, LoadingScreen } from './lazy';
import { SessionProvider, useSession } from './session/SessionContext';
import { useIdleLock } from './session/useIdleLock';

/*
 * The first screen carries only what the session check, sign-in and the lock screen need (both
 * antd locales and both catalogs included: they are small, and switching language must not
 * wait). The signed-in app — router, layout, every screen — and the rarely seen setup and
 * forced password change are chunks of their own.
 */
const SignedInApp = lazyScreen(
  () =>
    import('./SignedInApp').then((m) => {
      // The screen at the address starts loading with the shell, not after it has rendered.
      m.preloadCurrentScreen();
      return m;
    }),
  'SignedInApp',
  { fullScreen: true },
);
const SetupPage = lazyScreen(() => import('./domains/auth/SetupPage'), 'SetupPage', {
  fullScreen: true,
});
const RecoveryScreen = lazyScreen(
  () => import('./domains/backups/RecoveryScreen'),
  'RecoveryScreen',
  { fullScreen: true },
);
const AccountPage = lazyScreen(() => import('./domains/auth/AccountPage'), 'AccountPage', {
  fullScreen: true,
});

/**
 * Someone has started typing on the sign-in form: fetch the signed-in app meanwhile, so that
 * after "sign in" the home page is there at once. Not before — an idle sign-in screen (the
 * front desk's usual state) loads nothing more.
 */
function preloadSignedIn() {
  void SignedInApp.preload().catch(() => undefined);
}

function Screens() {
  const { phase, lock, session } = useSession();
  const { t } = useTranslation();
  useIdleLock(
    phase.kind === 'signedIn' && !phase.session.locked,
    session?.settings.idleLockMinutes ?? 10,
    lock,
  );
  switch (phase.kind) {
    case 'loading':
      return <LoadingScreen />;
    case 'error':
      return <Result status="error" title={t(phase.key)} />;
    case 'setup':
      return <SetupPage />;
    case 'recovery':
      return <RecoveryScreen />;
    case 'signedOut':
      // `display: contents`: the wrapper only listens; the layout is the sign-in screen's own.
      return (
        <div style={{ display: 'contents' }} onInput={preloadSignedIn}>
          <LoginPage />
        </div>
      );
    case 'signedIn':
      if (phase.session.user.mustChangePassword) {
        return <AccountPage forced />;
      }
      // The lock covers the app rather than replacing it: a half-filled form survives the idle
      // lock. Behind the opaque cover the app is inert, so nothing can be read or focused.
      return (
        <>
          <div
            className="app-root"
            inert={phase.session.locked}
            aria-hidden={phase.session.locked || undefined}
          >
            <SignedInApp userId={phase.session.user.id} />
          </div>
          {phase.session.locked && (
            <div className="lock-cover">
              <LockScreen />
            </div>
          )}
        </>
      );
  }
}

export function App() {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  const theme = useMemo(() => appTheme(reducedMotion), [reducedMotion]);
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={theme}
      // Without this antd renders the two-character 提交 as 提 交.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        {/* Desktop client mode only: the office server is away or its certificate changed. */}
        <ConnectionStrip />
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
