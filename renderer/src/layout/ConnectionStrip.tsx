import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerConnectionStatus } from '../../../shared/auth/contract';
import { subscribe } from '../api/client';

/**
 * How the desktop app's connection to the office server stands (client mode, issue 14), from the
 * event main sends for it (`system.connection`, main/electron/remote-ipc.ts): null until main
 * has said anything — always, in local mode, whose main never sends it.
 */
export function useServerConnection(): ServerConnectionStatus | null {
  const [status, setStatus] = useState<ServerConnectionStatus | null>(null);
  useEffect(() => {
    // Browser mode is served by the server itself: nothing to show, and no reason to open its
    // event stream on the sign-in screen for it.
    if (!window.receptionApi) return undefined;
    return subscribe('system.connection', (payload) => setStatus(payload.status));
  }, []);
  return status;
}

/**
 * A plain strip across the top of every screen (the sign-in and lock screens too) while the
 * server cannot be reached or its certificate is no longer the one confirmed; nothing while it
 * is online or still connecting. Kept in view when the page scrolls, above the lock screen.
 */
export function ConnectionStrip() {
  const { t } = useTranslation();
  const status = useServerConnection();
  let shown: { type: 'warning' | 'error'; text: string } | null = null;
  switch (status) {
    case 'offline':
      shown = { type: 'warning', text: t('app.connection.offline') };
      break;
    case 'certificate-changed':
      shown = { type: 'error', text: t('app.connection.certificateChanged') };
      break;
    case 'certificate-untrusted':
      shown = { type: 'error', text: t('app.connection.certificateUntrusted') };
      break;
    default:
      shown = null;
  }
  if (!shown) return null;
  return (
    <Alert
      className="connection-strip"
      type={shown.type}
      banner
      title={shown.text}
      data-testid="connection-strip"
    />
  );
}
