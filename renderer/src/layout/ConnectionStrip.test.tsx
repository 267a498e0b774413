// @vitest-environment jsdom
import '../test/jsdom';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReceptionBridge } from '../../../shared/contract/bridge';
import type { EventName } from '../../../shared/contract/names';
import { translate } from '../../../shared/i18n/translate';
import { renderUi } from '../test/render';
import { ConnectionStrip } from './ConnectionStrip';

/**
 * The strip of the desktop app in client mode (issue 14), fed by main's `system.connection`
 * event through the preload's `subscribe`: shown while the server is away or its certificate
 * changed, hidden when online, and never in local or browser mode.
 */

function fakeBridge() {
  const listeners = new Map<EventName, (payload: unknown) => void>();
  const stopped: EventName[] = [];
  const bridge: ReceptionBridge = {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    subscribe: (event, cb) => {
      listeners.set(event, cb);
      return () => {
        listeners.delete(event);
        stopped.push(event);
      };
    },
  };
  window.receptionApi = bridge;
  const send = (status: string) => act(() => listeners.get('system.connection')?.({ status }));
  return { listeners, stopped, send };
}

afterEach(() => {
  delete window.receptionApi;
});

const strip = () => screen.queryByTestId('connection-strip');

describe('ConnectionStrip', () => {
  it('follows the connection: nothing online, the retry while offline, the stop on a changed certificate', () => {
    const { send, listeners } = fakeBridge();
    const { unmount } = renderUi(<ConnectionStrip />);
    expect([...listeners.keys()]).toEqual(['system.connection']);
    // Until main has said anything (connecting): nothing.
    expect(strip()).toBeNull();

    send('offline');
    expect(strip()?.textContent).toBe(translate('zh-CN', 'app.connection.offline'));
    expect(strip()?.textContent).toBe('无法连接服务器 — 正在重试…');
    expect(screen.getByRole('alert')).toBe(strip());

    send('online');
    expect(strip()).toBeNull();

    send('certificate-changed');
    expect(strip()?.textContent).toBe('服务器证书已改变，已停止连接 — 请联系 IT');
    expect(strip()?.className).toContain('ant-alert-error');

    send('certificate-untrusted');
    expect(strip()?.textContent).toBe(translate('zh-CN', 'app.connection.certificateUntrusted'));

    send('connecting');
    expect(strip()).toBeNull();
    unmount();
  });

  it('stops listening when it goes', () => {
    const { stopped } = fakeBridge();
    const { unmount } = renderUi(<ConnectionStrip />);
    unmount();
    expect(stopped).toEqual(['system.connection']);
  });

  it('in browser mode: no strip, and no event stream opened for it', () => {
    const EventSourceSpy = vi.fn();
    vi.stubGlobal('EventSource', EventSourceSpy);
    try {
      renderUi(<ConnectionStrip />);
      expect(strip()).toBeNull();
      expect(EventSourceSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
