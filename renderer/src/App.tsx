import { App as AntApp, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import {
  createHashRouter,
  createRoutesFromElements,
  Navigate,
  Route,
  RouterProvider,
} from 'react-router';
import { APP_THEME } from './theme';
import { QueryProvider } from './api/queries';
import { AppLayout } from './layout/AppLayout';
import { AccountPage } from './domains/auth/AccountPage';
import { LockScreen } from './domains/auth/LockScreen';
import { LoginPage } from './domains/auth/LoginPage';
import { SetupPage } from './domains/auth/SetupPage';
import { DOMAIN_ROUTES } from './domains';
import { Guard } from './routing';
import { SessionProvider, useSession } from './session/SessionContext';
import { useIdleLock } from './session/useIdleLock';
import { useState, type ReactElement } from 'react';
import type { Permission } from '../../shared/auth/roles';

/**
 * The routes of a signed-in user, collected from the domains. A data router (not <HashRouter>) so
 * that screens with unsaved edits can hold a navigation with useBlocker; hash URLs because the
 * desktop app loads from file://.
 */
const guarded = (r: { path: string; element: ReactElement; permission?: Permission }) => (
  <Route
    key={r.path}
    path={r.path === '/' ? undefined : r.path}
    index={r.path === '/'}
    element={<Guard permission={r.permission}>{r.element}</Guard>}
  />
);
const routes = createRoutesFromElements(
  <>
    {DOMAIN_ROUTES.flatMap((d) => d.bareRoutes ?? []).map(guarded)}
    <Route element={<AppLayout />}>
      {DOMAIN_ROUTES.flatMap((d) => d.routes).map(guarded)}
      <Route path="*" element={<Navigate to="/" replace />} />
    </Route>
  </>,
);

/** One router per sign-in: the next person starts from the address, not the last one's pages. */
function SignedInRouter() {
  const [router] = useState(() => createHashRouter(routes));
  return <RouterProvider router={router} />;
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
      return (
        <div className="center-screen">
          <Spin size="large" />
        </div>
      );
    case 'error':
      return <Result status="error" title={t(phase.key)} />;
    case 'setup':
      return <SetupPage />;
    case 'signedOut':
      return <LoginPage />;
    case 'signedIn':
      if (phase.session.user.mustChangePassword) return <AccountPage forced />;
      // The lock covers the app rather than replacing it: a half-filled form survives the idle
      // lock. Behind the opaque cover the app is inert, so nothing can be read or focused.
      return (
        <>
          <div
            className="app-root"
            inert={phase.session.locked}
            aria-hidden={phase.session.locked || undefined}
          >
            {/* One query cache per signed-in user, around every routed page (print included). */}
            <QueryProvider userId={phase.session.user.id}>
              <SignedInRouter />
            </QueryProvider>
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
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={APP_THEME}
      // Without this antd renders the two-character 提交 as 提 交.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
