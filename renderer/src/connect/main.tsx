import '../zod-config';
import { ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ConnectBridge } from '../../../shared/contract/connect-window';
import { useReducedMotion } from '../layout/useReducedMotion';
import { appTheme } from '../theme';
import { ConnectPage } from './ConnectPage';
import { CONNECT_STRINGS } from './strings';
import '../styles.css';
import './connect.css';

declare global {
  interface Window {
    /** What the choice window's preload exposes (main/electron/connect-preload.ts). */
    connectApi?: ConnectBridge;
  }
}

const api = window.connectApi;
// The window's language is fixed when it opens (main reads the system's): set once, here.
const language = api?.locale === 'en' ? 'en' : 'zh-CN';
const s = CONNECT_STRINGS[language];
document.documentElement.lang = language;
document.title = s.appName;

/** The first-run choice window's page (renderer/connect.html): no router, no query cache. */
function ConnectApp() {
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={appTheme(reducedMotion)}
      button={{ autoInsertSpace: false }}
    >
      {api ? (
        <ConnectPage api={api} />
      ) : (
        // Opened anywhere but the app's choice window (the office server serves this file too).
        <main className="connect-screen">
          <Result status="info" title={s.noBridgeTitle} subTitle={s.noBridgeText} />
        </main>
      )}
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from connect.html');
createRoot(root).render(
  <StrictMode>
    <ConnectApp />
  </StrictMode>,
);
