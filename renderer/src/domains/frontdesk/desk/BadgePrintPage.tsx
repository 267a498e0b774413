import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { isCalendarDate } from '../../../../../shared/dates';
import type { BoardGuest } from '../../../../../shared/frontdesk/views';
import { useOp } from '../../../api/queries';
import { useSignedIn } from '../../../session/SessionContext';
import { useFmt } from '../../requests';
import { boardPath } from './keys';
import { badgeQrSvg, badgeQrText, svgDataUrl } from './logic';
import './print.css';

/** The seqs of `?seqs=0,2`, or null for everyone inside. */
function seqsOf(param: string | null): number[] | null {
  if (!param) return null;
  const seqs = param
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
  return seqs.length > 0 ? seqs : null;
}

/**
 * 访客胸卡: one 90 × 54 mm card per visitor, one per printed page: name, organisation, host, date,
 * badge number and a QR code of the ids only. Made from the day's board (visitors by request and
 * seq); without `?seqs=` everyone of the visit inside now.
 */
export function BadgePrintPage() {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const session = useSignedIn();
  const { day, requestId } = useParams();
  const [params] = useSearchParams();
  const valid = day !== undefined && isCalendarDate(day);
  const id = Number(requestId);
  const query = useOp('frontdesk.board', { day: valid ? day : '1970-01-01' }, { enabled: valid });
  const visit = query.data?.visits.find((v) => v.requestId === id);
  const seqs = seqsOf(params.get('seqs'));
  const guests: BoardGuest[] = visit
    ? visit.guests.filter((g) =>
        seqs ? seqs.includes(g.seq) && g.state !== 'expected' : g.state === 'arrived',
      )
    : [];
  const [qr, setQr] = useState<Record<number, string>>({});
  const qrKey = visit ? `${visit.requestId}:${guests.map((g) => g.seq).join(',')}` : '';
  useEffect(() => {
    if (!visit || qrKey === '') return;
    let live = true;
    void Promise.all(
      guests.map(
        async (g) => [g.seq, svgDataUrl(await badgeQrSvg(visit.requestId, g.seq))] as const,
      ),
    ).then((pairs) => {
      if (live) setQr(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
    // The codes depend only on the ids in qrKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qrKey]);
  const back = () => void navigate(valid ? boardPath(day) : '/frontdesk');

  return (
    <div className="fp-page">
      <div className="fp-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          {t('frontdeskDesk.badge.back')}
        </Button>
        <span className="fp-hint">{t('frontdeskDesk.badge.hint')}</span>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={guests.length === 0}
          onClick={() => window.print()}
          autoFocus
        >
          {t('frontdeskDesk.badge.print')}
        </Button>
      </div>
      {!valid || query.isError ? (
        <div className="fp-state">
          <Result
            status="error"
            title={
              query.error ? t(query.error.key, query.error.params) : t('frontdeskDesk.badge.none')
            }
          />
        </div>
      ) : !query.data ? (
        <div className="fp-state">
          <Spin size="large" />
        </div>
      ) : !visit || guests.length === 0 ? (
        <div className="fp-state">
          <Empty description={t('frontdeskDesk.badge.none')} />
        </div>
      ) : (
        <main className="fb-cards" lang={fmt.language} aria-label={t('frontdeskDesk.badge.title')}>
          {guests.map((g) => (
            <article
              key={g.seq}
              className="fb-card"
              data-testid="badge-card"
              aria-label={`${t('frontdeskDesk.badge.title')} ${g.badgeNo}`}
            >
              <div className="fb-top">
                <span className="fb-company">{session.settings.companyName}</span>
                <span className="fb-kind">{t('frontdeskDesk.badge.visitor')}</span>
              </div>
              <div className="fb-body">
                <div className="fb-text">
                  <div className="fb-name">{g.name}</div>
                  <div className="fb-org">{visit.orgName}</div>
                  <div className="fb-line">
                    {t('frontdeskDesk.badge.host', { name: visit.hostName })}
                  </div>
                  <div className="fb-line">
                    {t('frontdeskDesk.badge.date', { day: fmt.day(day, { weekday: false }) })}
                  </div>
                </div>
                <div className="fb-side">
                  {qr[g.seq] ? (
                    <img
                      className="fb-qr"
                      src={qr[g.seq]}
                      alt={t('frontdeskDesk.badge.qr')}
                      data-testid="badge-qr"
                      data-qr-text={badgeQrText(visit.requestId, g.seq)}
                    />
                  ) : (
                    <div className="fb-qr" />
                  )}
                  <div className="fb-no">
                    <span className="fb-no-label">{t('frontdeskDesk.badge.number')}</span>
                    <b data-testid="badge-no">{g.badgeNo}</b>
                  </div>
                </div>
              </div>
            </article>
          ))}
        </main>
      )}
    </div>
  );
}
