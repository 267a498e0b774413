import { CheckCircleOutlined, ExclamationCircleOutlined, ToolOutlined } from '@ant-design/icons';
import { BookingWarnings } from './BookingWarnings';
import { Alert, App, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { BookingView, Candidate, PlanLineView } from '../../../../../shared/bookings';
import type { Message } from '../../../../../shared/result';
import { refusalMessage } from '../../../api/client';
import { useOpMutation } from '../../../api/queries';
import { BOOKING_READS } from '../forms/shell';
import { BookingActions } from './BookingActions';
import { BookingStatusTag, describeBooking, describeNeed, kindTitle } from './describe';
import type { BookingFmt } from './fmt';
import { oneClickDetail } from './oneClick';

/** A candidate's size or price, as the line's kind reads it. */
function candidateNote(c: Candidate, kind: PlanLineView['kind'], driver: boolean, fmt: BookingFmt) {
  const { t } = fmt;
  if (driver) return null;
  switch (kind) {
    case 'car':
      return t('bookingsPlan.line.candidate.seats', { n: c.capacity });
    case 'room':
      return t('bookingsPlan.line.candidate.people', { n: c.capacity });
    case 'hotel':
      return c.priceFen === null
        ? null
        : t('bookingsPlan.line.candidate.hotelFrom', { price: fmt.money(c.priceFen) });
    case 'restaurant':
      return c.priceFen === null
        ? null
        : t('bookingsPlan.line.candidate.perHead', { price: fmt.money(c.priceFen) });
    case 'supply':
      return t('bookingsPlan.line.candidate.stock', { n: c.stock ?? 0 });
    default:
      return null;
  }
}

/** The ranked candidates: those that fit first (the first is what 确认预订 takes), then the rest greyed with why. */
function Candidates({
  label,
  list,
  kind,
  driver,
  fmt,
}: {
  label: string;
  list: Candidate[];
  kind: PlanLineView['kind'];
  driver: boolean;
  fmt: BookingFmt;
}) {
  const first = list.find((c) => c.fits);
  return (
    <div className="bp-candidates">
      <span className="bp-label">{label}</span>
      {list.length === 0 ? (
        <Typography.Text type="secondary">
          {fmt.t('bookingsPlan.line.noCandidates')}
        </Typography.Text>
      ) : (
        <ul className="bp-candidate-list">
          {list.map((c) => {
            const note = candidateNote(c, kind, driver, fmt);
            return (
              <li
                key={c.id}
                className={c.fits ? 'bp-fit' : 'bp-misfit'}
                data-testid="candidate"
                data-fits={c.fits}
              >
                {c === first && <CheckCircleOutlined aria-hidden className="bp-first-icon" />}
                <span className="bp-candidate-name">{c.name}</span>
                {note && <span className="bp-candidate-note"> · {note}</span>}
                {c === first && (
                  <span className="bp-candidate-note">
                    {fmt.paren(fmt.t('bookingsPlan.line.candidate.first'))}
                  </span>
                )}
                {!c.fits && c.misfit && <span className="bp-misfit-why"> · {fmt.t(c.misfit)}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * One line of the plan: what it asks, and either the booking made for it (with its actions, and
 * the mismatch when the request changed since) or the ranked candidates with 确认预订 (one
 * action: the first fitting candidates) and 调整 (the form). A line nothing satisfies says so.
 */
export function PlanLineCard({
  line,
  requestId,
  bookable,
  mealCapFen,
  fmt,
  onAdjust,
  onEdit,
  onReturn,
}: {
  line: PlanLineView;
  requestId: number;
  bookable: boolean;
  mealCapFen: number | null | undefined;
  fmt: BookingFmt;
  onAdjust: (line: PlanLineView) => void;
  onEdit: (booking: BookingView, line: PlanLineView) => void;
  onReturn: (booking: BookingView) => void;
}) {
  const { t } = fmt;
  const { message } = App.useApp();
  const save = useOpMutation('bookings.save', { invalidates: BOOKING_READS });
  const [refusal, setRefusal] = useState<Message | null>(null);
  const booking = line.booking;
  const detail = oneClickDetail(line);
  const title = kindTitle(line.proposal, fmt);

  // A second click before the first answer (a double click) sends nothing: the button is
  // disabled once React re-renders, and this guard covers the clicks before that.
  const inFlight = useRef(false);
  const confirm = async () => {
    if (!detail || inFlight.current) return;
    inFlight.current = true;
    setRefusal(null);
    const r = await save
      .mutateAsync({
        id: null,
        version: null,
        requestId,
        needKey: line.key,
        status: 'confirmed',
        detail,
      })
      .finally(() => {
        inFlight.current = false;
      });
    if (r.ok) void message.success(t('bookingsPlan.line.confirmed', { what: title }));
    else setRefusal(refusalMessage(r.error));
  };

  const need = describeNeed(line.proposal, line.need, fmt, mealCapFen);
  return (
    <Card
      size="small"
      className={`bp-line${line.unmet && !booking ? ' bp-line-unmet' : ''}${line.stale ? ' bp-line-stale' : ''}`}
      data-testid="plan-line"
      data-key={line.key}
      title={
        <Space size={6} wrap>
          <span className="bp-line-title">{title}</span>
          {booking && <BookingStatusTag status={booking.status} fmt={fmt} />}
          {line.timeGuessed && !booking && (
            <Tag color="warning" icon={<ExclamationCircleOutlined />}>
              {t('bookingsPlan.line.timeGuessed')}
            </Tag>
          )}
          {line.unmet && !booking && (
            <Tag color="error" data-testid="unmet-tag">
              {t('bookingsPlan.line.unmet')}
            </Tag>
          )}
          {line.stale && (
            <Tag color="error" data-testid="stale-tag">
              {t('bookingsPlan.line.stale')}
            </Tag>
          )}
        </Space>
      }
      extra={
        booking ? (
          <BookingActions
            booking={booking}
            fmt={fmt}
            onEdit={() => onEdit(booking, line)}
            onReturn={() => onReturn(booking)}
            onRefusal={setRefusal}
          />
        ) : (
          <Space size={6}>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              loading={save.isPending}
              disabled={!detail || !bookable || save.isPending}
              onClick={() => void confirm()}
              data-testid="confirm-line"
            >
              {t('bookingsPlan.line.confirm')}
            </Button>
            <Button
              icon={<ToolOutlined />}
              onClick={() => onAdjust(line)}
              data-testid="adjust-line"
            >
              {t('bookingsPlan.line.adjust')}
            </Button>
          </Space>
        )
      }
    >
      {line.stale && booking ? (
        <>
          <Typography.Paragraph type="danger" className="bp-stale-lead">
            {t('bookingsPlan.line.staleLead')}
          </Typography.Paragraph>
          <Row gutter={16} className="bp-side-by-side">
            <Col xs={24} md={12}>
              <div className="bp-label">{t('bookingsPlan.line.staleNeed')}</div>
              <div>{need}</div>
            </Col>
            <Col xs={24} md={12}>
              <div className="bp-label">{t('bookingsPlan.line.staleBooking')}</div>
              <div>{describeBooking(booking, fmt)}</div>
            </Col>
          </Row>
        </>
      ) : (
        <div className="bp-row">
          <span className="bp-label">{t('bookingsPlan.line.asks')}</span>
          <span>{need}</span>
        </div>
      )}
      {booking && !line.stale && (
        <div className="bp-row" data-testid="line-booking">
          <span className="bp-label">{t('bookingsPlan.line.staleBooking')}</span>
          <span>{describeBooking(booking, fmt)}</span>
        </div>
      )}
      {booking && <BookingWarnings booking={booking} fmt={fmt} />}
      {!booking && line.unmet && (
        <Alert
          type="error"
          showIcon
          className="bp-unmet"
          title={`${fmt.label(t('bookingsPlan.line.unmet'))}${t(line.unmet)}`}
        />
      )}
      {!booking && line.kind !== 'ticket' && (
        <Candidates
          label={t('bookingsPlan.line.candidates')}
          list={line.candidates}
          kind={line.kind}
          driver={false}
          fmt={fmt}
        />
      )}
      {!booking && line.kind === 'car' && (
        <Candidates
          label={t('bookingsPlan.line.drivers')}
          list={line.drivers}
          kind={line.kind}
          driver
          fmt={fmt}
        />
      )}
      {!booking && line.kind === 'ticket' && (
        <Typography.Text type="secondary">{t('bookingsPlan.line.ticketHint')}</Typography.Text>
      )}
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="bp-refusal"
          data-testid="line-refusal"
          title={fmt.message(refusal)}
          closable
          onClose={() => setRefusal(null)}
        />
      )}
    </Card>
  );
}
