import { render, type RenderResult } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactElement, ReactNode } from 'react';
import type { SessionInfo } from '../../../shared/contract/types';
import { SessionProvider, useSession } from '../session/SessionContext';
import { ok, type FakeBackend } from './fakeBackend';
import { APP_THEME } from '../theme';

/**
 * The app's providers around a component under test. Buttons keep their text as written (antd
 * otherwise spaces two-character Chinese labels: "通 过"), so tests find them by their label.
 */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={APP_THEME} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

function WhenSignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  return session ? children : null;
}

/** Renders `ui` in the app's providers. */
export function renderUi(ui: ReactElement): RenderResult {
  return render(<Providers>{ui}</Providers>);
}

/**
 * Renders `ui` for a signed-in person: the real SessionProvider asks the fake backend
 * (`setup.status`, `auth.session`) and the component appears once the session is there.
 */
export function renderSignedIn(fake: FakeBackend, session: SessionInfo, ui: ReactElement) {
  fake.on('setup.status', () => ok({ needsSetup: false }));
  fake.on('auth.session', () => ok(session));
  return renderUi(
    <SessionProvider>
      <WhenSignedIn>{ui}</WhenSignedIn>
    </SessionProvider>,
  );
}
