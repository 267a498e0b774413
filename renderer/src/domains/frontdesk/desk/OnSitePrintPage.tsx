import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { companyDate } from '../../../../../shared/dates';
import { useOp } from '../../../api/queries';
import { useSignedIn } from '../../../session/SessionContext';
import { useFmt } from '../../requests';
import './print.css';

/** The time on the paper: when the page was opened, and again when it is printed. */
export function usePrintedAt(): number {
  const [at, setAt] = useState(() => Date.now());
  useEffect(() => {
    const refresh = () => flushSync(() => setAt(Date.now()));
    window.addEventListener('beforeprint', refresh);
    return () => window.removeEventListener('beforeprint', refresh);
  }, []);
  return at;
}

/**
 * 在场人员名单 (the evacuation list): everyone checked in and not out, with badge, arrival, host and
 * the host's phone, on one A4 page for about forty people. Bare: no sidebar; opened by F2.
 */
export function OnSitePrintPage() {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const session = useSignedIn();
  const printedAt = usePrintedAt();
  const query = useOp('frontdesk.onSite', { arrivedBefore: null });
  const guests = query.data?.guests ?? [];
  const today = companyDate(printedAt, fmt.tz);
  return (
    <div className="fp-page">
      <div className="fp-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/frontdesk')}>
          {t('frontdeskDesk.onSite.back')}
        </Button>
        <span className="fp-hint">{t('frontdeskDesk.onSite.hint')}</span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!query.data}
          onClick={() => window.print()}
          autoFocus
        >
          {t('frontdeskDesk.onSite.print')}
        </Button>
      </div>
      {query.isError ? (
        <div className="fp-state">
          <Result status="error" title={t(query.error.key, query.error.params)} />
        </div>
      ) : !query.data ? (
        <div className="fp-state">
          <Spin size="large" />
        </div>
      ) : (
        <main className="fp-sheet" lang={fmt.language} data-testid="on-site-sheet">
          <header className="fp-head">
            {session.settings.companyName && (
              <div className="fp-company">{session.settings.companyName}</div>
            )}
            <h1 className="fp-title">{t('frontdeskDesk.onSite.title')}</h1>
            <div className="fp-meta">
              <span data-testid="on-site-count">
                {t('frontdeskDesk.onSite.count', { count: guests.length })}
              </span>
              <span>{t('frontdeskDesk.onSite.printedAt', { time: fmt.instant(printedAt) })}</span>
            </div>
          </header>
          {guests.length === 0 ? (
            <p className="fp-none">{t('frontdeskDesk.onSite.empty')}</p>
          ) : (
            <table className="fp-table">
              <thead>
                <tr>
                  <th className="fp-idx">#</th>
                  <th>{t('frontdeskDesk.col.name')}</th>
                  <th>{t('frontdeskDesk.col.org')}</th>
                  <th className="fp-badge">{t('frontdeskDesk.col.badge')}</th>
                  <th className="fp-time">{t('frontdeskDesk.col.arrived')}</th>
                  <th>{t('frontdeskDesk.col.host')}</th>
                  <th className="fp-phone">{t('frontdeskDesk.col.hostPhone')}</th>
                  <th className="fp-phone">{t('frontdeskDesk.col.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {guests.map((g, i) => (
                  <tr key={g.guestId} data-testid="on-site-row">
                    <td className="fp-idx">{i + 1}</td>
                    <td>
                      {g.name}
                      {g.walkIn && (
                        <span className="fp-sub">{t('frontdeskDesk.onSite.walkIn')}</span>
                      )}
                    </td>
                    <td>{g.orgName}</td>
                    <td className="fp-badge">{g.badgeNo}</td>
                    <td className="fp-time">
                      {g.day === today
                        ? fmt.instant(g.arrivedAtMs, 'time')
                        : fmt.instant(g.arrivedAtMs)}
                    </td>
                    <td>{g.hostName}</td>
                    <td className="fp-phone">{g.hostPhone}</td>
                    <td className="fp-phone">{g.phoneMasked}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </main>
      )}
    </div>
  );
}
