import { ArrowLeftOutlined, FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { BookingWarnings } from './BookingWarnings';
import { Alert, Button, Card, Descriptions, Dropdown, Empty, Result, Space, Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  BOOKING_KINDS,
  type BookingView,
  type PlanLineView,
  type PlanView,
} from '../../../../../shared/bookings';
import { useOp } from '../../../api/queries';
import { StatusTag, TierTag } from '../../../components/StatusTag';
import { blankDetail, detailOf } from '../forms/blank';
import { BookingFormModal } from '../forms/BookingFormModal';
import { ReturnSuppliesModal } from '../forms/ReturnSuppliesModal';
import type { BookingFormTarget, RequestFacts } from '../forms/shell';
import { BookingActions } from './BookingActions';
import { BookingStatusTag, describeBooking, kindTitle } from './describe';
import { useBookingFmt, type BookingFmt } from './fmt';
import { oneClickDetail } from './oneClick';
import { PlanLineCard } from './PlanLineCard';
import './plan.css';

/**
 * The facts of the request the forms need beyond the plan: whether company-paid lodging was
 * approved and the tier's meal cap of the policy version it was approved under.
 */
function useRequestFacts(plan: PlanView | undefined): RequestFacts | null {
  const requestId = plan?.request.id ?? 0;
  const dossier = useOp('requests.get', { id: requestId }, { enabled: requestId > 0 });
  const version = dossier.data?.policyVersion ?? undefined;
  const policy = useOp('policy.get', version === undefined ? {} : { version }, {
    enabled: dossier.data !== undefined,
  });
  if (!plan) return null;
  const tier = plan.request.tier;
  return {
    code: plan.request.code,
    bookable: plan.request.bookable,
    companyLodging:
      dossier.data?.body.needs.companyPaysLodging ??
      plan.lines.some((l) => l.proposal.kind === 'hotel' && l.proposal.payer === 'company'),
    mealCapFen: policy.data ? policy.data.policy.tiers[tier].mealCapFen : undefined,
  };
}

/** 预订计划 (★): the approved request's needs line by line, booked in one action each. */
export function PlanPage() {
  const { requestId } = useParams();
  const id = Number(requestId);
  const valid = Number.isInteger(id) && id > 0;
  const fmt = useBookingFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const plan = useOp('bookings.plan', { requestId: valid ? id : 1 }, { enabled: valid });
  const facts = useRequestFacts(plan.data);
  const [form, setForm] = useState<BookingFormTarget | null>(null);
  const [returning, setReturning] = useState<BookingView | null>(null);

  if (!valid || plan.error) {
    const notFound = !valid || plan.error?.code === 'NOT_FOUND';
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={t(notFound ? 'bookingsPlan.plan.notFound' : 'bookingsPlan.plan.loadFailed')}
        extra={
          <Button type="primary" onClick={() => void navigate('/bookings')}>
            {t('bookingsPlan.plan.back')}
          </Button>
        }
      />
    );
  }
  if (!plan.data || !facts) {
    return (
      <div className="bp-loading">
        <Spin size="large" />
      </div>
    );
  }
  const p = plan.data;
  const r = p.request;
  const booked = p.lines.filter((l) => l.booking).length;
  const unmet = p.lines.filter((l) => !l.booking && l.unmet).length;

  const adjust = (line: PlanLineView) =>
    setForm({
      requestId: r.id,
      kind: line.kind,
      needKey: line.key,
      booking: null,
      initial: oneClickDetail(line) ?? line.proposal,
    });
  const edit = (booking: BookingView, line: PlanLineView | null) =>
    setForm({
      requestId: r.id,
      kind: booking.kind,
      // Saving an edit against its line again makes it match the line as it is now.
      needKey: line ? line.key : booking.needKey,
      booking,
      initial: detailOf(booking),
    });
  const byHand = (kind: (typeof BOOKING_KINDS)[number]) => {
    const initial = blankDetail(kind, r.arrivalDate);
    // A meal made by hand starts at the tier's cap per head.
    if (initial.kind === 'restaurant') initial.perHeadFen = facts.mealCapFen ?? 0;
    setForm({ requestId: r.id, kind, needKey: null, booking: null, initial });
  };

  return (
    <div className="bp-page">
      <div className="page-header">
        <Space size={8} wrap align="center">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t('bookingsPlan.plan.back')}
            onClick={() => void navigate('/bookings')}
          />
          <h1 data-testid="plan-code">
            {t('bookingsPlan.plan.title')} · {r.code}
          </h1>
          <StatusTag status={r.status} />
          <TierTag tier={r.tier} />
        </Space>
        <Space size={8} wrap>
          <Link to={`/requests/${r.id}`} className="ant-btn ant-btn-default bp-link-button">
            <FileSearchOutlined /> {t('bookingsPlan.plan.dossier')}
          </Link>
          <Dropdown
            trigger={['click']}
            menu={{
              items: BOOKING_KINDS.map((k) => ({ key: k, label: t(`bookings.kind.${k}`) })),
              onClick: ({ key }) => byHand(key as (typeof BOOKING_KINDS)[number]),
            }}
          >
            <Button icon={<PlusOutlined />} data-testid="add-by-hand">
              {t('bookingsPlan.plan.addByHand')}
            </Button>
          </Dropdown>
        </Space>
      </div>

      <Card size="small" className="bp-head">
        <div className="bp-org">{r.orgName || '—'}</div>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            {
              key: 'visit',
              label: t('bookingsPlan.plan.visit'),
              children:
                r.arrivalDate === r.departureDate
                  ? fmt.day(r.arrivalDate)
                  : `${fmt.day(r.arrivalDate)} – ${fmt.day(r.departureDate)}`,
            },
            {
              key: 'visitors',
              label: t('bookingsPlan.plan.visitors'),
              children: t('bookingsPlan.plan.visitorsValue', { n: r.visitorCount }),
            },
            {
              key: 'summary',
              label: t('bookingsPlan.plan.lines'),
              children: t('bookingsPlan.plan.summary', {
                total: p.lines.length,
                booked,
                unmet,
              }),
            },
          ]}
        />
        {!r.bookable && (
          <Alert
            type="warning"
            showIcon
            data-testid="not-bookable"
            title={t('bookingsPlan.plan.notBookable', { code: r.code })}
          />
        )}
      </Card>

      <section aria-labelledby="bp-lines-title" className="bp-section">
        <h2 id="bp-lines-title">{t('bookingsPlan.plan.lines')}</h2>
        <p className="bp-lead">{t('bookingsPlan.plan.linesLead')}</p>
        {p.lines.length === 0 ? (
          <Empty description={t('bookingsPlan.plan.noLines')} />
        ) : (
          <div className="bp-lines">
            {p.lines.map((line) => (
              <PlanLineCard
                key={line.key}
                line={line}
                requestId={r.id}
                bookable={r.bookable}
                mealCapFen={facts.mealCapFen}
                fmt={fmt}
                onAdjust={adjust}
                onEdit={edit}
                onReturn={setReturning}
              />
            ))}
          </div>
        )}
      </section>

      {p.others.length > 0 && (
        <section aria-labelledby="bp-others-title" className="bp-section">
          <h2 id="bp-others-title">{t('bookingsPlan.plan.others')}</h2>
          <p className="bp-lead">{t('bookingsPlan.plan.othersLead')}</p>
          <div className="bp-lines">
            {p.others.map((b) => (
              <OtherBooking
                key={b.id}
                booking={b}
                fmt={fmt}
                onEdit={() => edit(b, null)}
                onReturn={() => setReturning(b)}
              />
            ))}
          </div>
        </section>
      )}

      {form && <BookingFormModal target={form} facts={facts} onClose={() => setForm(null)} />}
      {returning && <ReturnSuppliesModal booking={returning} onClose={() => setReturning(null)} />}
    </div>
  );
}

/** A booking without a plan line (made by hand, or its need is gone from the request). */
function OtherBooking({
  booking,
  fmt,
  onEdit,
  onReturn,
}: {
  booking: BookingView;
  fmt: BookingFmt;
  onEdit: () => void;
  onReturn: () => void;
}) {
  const [refusal, setRefusal] = useState<{ key: string; params?: Record<string, unknown> } | null>(
    null,
  );
  return (
    <Card
      size="small"
      className="bp-line"
      data-testid="other-booking"
      title={
        <Space size={6} wrap>
          <span className="bp-line-title">{kindTitle(booking.detail, fmt)}</span>
          <BookingStatusTag status={booking.status} fmt={fmt} />
        </Space>
      }
      extra={
        <BookingActions
          booking={booking}
          fmt={fmt}
          onEdit={onEdit}
          onReturn={onReturn}
          onRefusal={setRefusal}
        />
      }
    >
      <div className="bp-row">{describeBooking(booking, fmt)}</div>
      <BookingWarnings booking={booking} fmt={fmt} />
      {refusal && <Alert type="error" showIcon role="alert" title={fmt.message(refusal)} />}
    </Card>
  );
}
