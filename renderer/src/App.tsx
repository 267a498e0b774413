import { App as AntApp, ConfigProvider, Result, Spin, theme } from 'antd';
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
import { AppLayout } from './layout/AppLayout';
import { AccountPage } from './domains/auth/AccountPage';
import { AuditPage } from './domains/audit/AuditPage';
import { DepartmentsPage } from './domains/departments/DepartmentsPage';
import { HomePage } from './domains/home/HomePage';
import { LockScreen } from './domains/auth/LockScreen';
import { LoginPage } from './domains/auth/LoginPage';
import { SettingsPage } from './domains/settings/SettingsPage';
import { SetupPage } from './domains/auth/SetupPage';
import { UsersPage } from './domains/users/UsersPage';
import { AllRequestsPage } from './domains/requests/AllRequestsPage';
import { DelegationsPage } from './domains/delegations/DelegationsPage';
import { DossierPage } from './domains/requests/DossierPage';
import { InboxPage } from './domains/approvals/InboxPage';
import { MyRequestsPage } from './domains/requests/MyRequestsPage';
import { PolicyPage } from './domains/policy/PolicyPage';
import { PrintPage } from './domains/requests/PrintPage';
import { RequestFormPage } from './domains/requests/RequestFormPage';
import { SessionProvider, useSession } from './session/SessionContext';
import { useIdleLock } from './session/useIdleLock';
import type { Permission } from '../../shared/auth/roles';
import { useState, type ReactElement } from 'react';

function Guard({ permission, children }: { permission: Permission; children: ReactElement }) {
  const { can } = useSession();
  return can(permission) ? children : <Navigate to="/" replace />;
}

/**
 * The routes of a signed-in user. A data router (not <HashRouter>) so that screens with unsaved
 * edits can hold a navigation with useBlocker; hash URLs because the desktop app loads from file://.
 */
const routes = createRoutesFromElements(
  <>
    {/* The printable 接待申请单: no sidebar, A4 print CSS. */}
    <Route path="requests/:id/print" element={<PrintPage />} />
    <Route element={<AppLayout />}>
      <Route index element={<HomePage />} />
      <Route
        path="requests/mine"
        element={
          <Guard permission="requests.create">
            <MyRequestsPage />
          </Guard>
        }
      />
      <Route
        path="requests/new"
        element={
          <Guard permission="requests.create">
            <RequestFormPage />
          </Guard>
        }
      />
      <Route
        path="requests/:id/edit"
        element={
          <Guard permission="requests.create">
            <RequestFormPage />
          </Guard>
        }
      />
      <Route
        path="requests/all"
        element={
          <Guard permission="requests.readAll">
            <AllRequestsPage />
          </Guard>
        }
      />
      <Route path="requests/:id" element={<DossierPage />} />
      <Route
        path="approvals"
        element={
          <Guard permission="approvals.decide">
            <InboxPage />
          </Guard>
        }
      />
      <Route
        path="delegations"
        element={
          <Guard permission="approvals.decide">
            <DelegationsPage />
          </Guard>
        }
      />
      <Route
        path="policy"
        element={
          <Guard permission="policy.manage">
            <PolicyPage />
          </Guard>
        }
      />
      <Route path="account" element={<AccountPage />} />
      <Route
        path="users"
        element={
          <Guard permission="users.manage">
            <UsersPage />
          </Guard>
        }
      />
      <Route
        path="departments"
        element={
          <Guard permission="departments.manage">
            <DepartmentsPage />
          </Guard>
        }
      />
      <Route
        path="audit"
        element={
          <Guard permission="audit.read">
            <AuditPage />
          </Guard>
        }
      />
      <Route
        path="settings"
        element={
          <Guard permission="settings.manage">
            <SettingsPage />
          </Guard>
        }
      />
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
            <SignedInRouter />
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
      theme={{
        algorithm: theme.compactAlgorithm,
        token: { colorPrimary: '#0f766e', borderRadius: 6 },
      }}
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
