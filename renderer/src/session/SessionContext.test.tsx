// @vitest-environment jsdom
import '../test/jsdom';
import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/contract/names';
import { call, subscribe } from '../api/client';
import type * as ClientModule from '../api/client';
import { LoginPage } from '../domains/auth/LoginPage';
import { fakeBackend, ok } from '../test/fakeBackend';
import { sessionOf } from '../test/fixtures';
import { renderUi } from '../test/render';
import { SessionProvider, useSession } from './SessionContext';

vi.mock('../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
  subscribe: vi.fn(),
}));

/** The session's two screens as the app shows them: signed in, or the sign-in form. */
function Screens() {
  const { phase } = useSession();
  if (phase.kind === 'signedOut') return <LoginPage />;
  if (phase.kind === 'signedIn') return <p>已登录：{phase.session.user.displayName}</p>;
  return null;
}

/** Signed in as 张伟 with a fake main; `ended()` delivers `sessions.ended` as main would. */
async function signedIn() {
  const fake = fakeBackend({
    'setup.status': () => ok({ needsSetup: false }),
    'auth.session': () => ok(sessionOf(['host'])),
  });
  vi.mocked(call).mockImplementation(fake.call);
  const listeners = new Map<EventName, () => void>();
  vi.mocked(subscribe).mockImplementation((event, cb) => {
    listeners.set(event, cb as () => void);
    return () => listeners.delete(event);
  });
  renderUi(
    <SessionProvider>
      <Screens />
    </SessionProvider>,
  );
  await screen.findByText('已登录：张伟');
  const ended = async () => {
    // The provider subscribes in an effect, which may run after the name is on the screen.
    const listener = await vi.waitFor(() => {
      const l = listeners.get('sessions.ended');
      if (!l) throw new Error('nobody listens to sessions.ended');
      return l;
    });
    await act(async () => listener());
  };
  return { fake, ended };
}

describe('a session an administrator ended', () => {
  it('signs out at the event once main confirms the session is gone, and says why', async () => {
    const { fake, ended } = await signedIn();
    fake.on('auth.session', () => ok(null));
    await ended();
    expect(await screen.findByRole('heading', { name: '登录' })).toBeTruthy();
    expect(screen.getByTestId('login-notice').textContent).toContain(
      '您的会话已被管理员结束，请重新登录。',
    );
  });

  it('stays signed in when main still knows the session (the event is a hint, not proof)', async () => {
    const { fake, ended } = await signedIn();
    await ended();
    expect(fake.inputsOf('auth.session')).toHaveLength(2);
    expect(screen.getByText('已登录：张伟')).toBeTruthy();
    expect(screen.queryByTestId('login-notice')).toBeNull();
  });
});
