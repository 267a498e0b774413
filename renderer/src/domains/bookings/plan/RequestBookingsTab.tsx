import { CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Spin, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { ItineraryItem } from '../../../../../shared/requests';
import type { BookingView } from '../../../../../shared/bookings';
import { mergeItinerary, type TimelineEntry } from '../../../../../shared/bookings/itinerary';
import { useOp } from '../../../api/queries';
import { useSession } from '../../../session/SessionContext';
import { BookingStatusTag, describeBooking, kindTitle, shortWhat } from './describe';
import { useBookingFmt } from './fmt';
import { useIcsDownload } from './ics';
import './plan.css';

type Entry = TimelineEntry<BookingView>;

/**
 * The dossier's 预订与行程 tab: the request's itinerary merged with its bookings in time order,
 * each booking with its status; the whole as .ics or one booking; the plan for the admin office.
 */
export function RequestBookingsTab({
  requestId,
  itinerary,
}: {
  requestId: number;
  itinerary: readonly ItineraryItem[];
}) {
  const fmt = useBookingFmt();
  const { t } = fmt;
  const { can } = useSession();
  const bookings = useOp('bookings.ofRequest', { requestId });
  const ics = useIcsDownload();
  if (bookings.isPending) return <Spin />;
  const entries = mergeItinerary(itinerary, bookings.data ?? [], fmt.tz);

  return (
    <div className="bp-tab" data-testid="request-bookings">
      <div className="bp-tab-head">
        <span className="bp-lead">{t('bookingsPlan.tab.lead')}</span>
        <Space wrap>
          <Button
            icon={<CalendarOutlined />}
            onClick={() => void ics(requestId, null)}
            disabled={entries.length === 0}
            data-testid="export-ics"
          >
            {t('bookingsPlan.tab.export')}
          </Button>
          {can('bookings.manage') && (
            <Link
              to={`/bookings/plan/${requestId}`}
              className="ant-btn ant-btn-default bp-link-button"
            >
              <ScheduleOutlined /> {t('bookingsPlan.tab.openPlan')}
            </Link>
          )}
        </Space>
      </div>
      {bookings.error && <Tag color="error">{t(bookings.error.key)}</Tag>}
      <Table<Entry>
        size="small"
        pagination={false}
        rowKey={(e) => (e.type === 'item' ? `item-${e.index}` : `booking-${e.booking.id}`)}
        dataSource={entries}
        onRow={(e) =>
          ({
            'data-testid': e.type === 'item' ? 'timeline-item' : 'timeline-booking',
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{ emptyText: <Empty description={t('bookingsPlan.tab.empty')} /> }}
        columns={[
          {
            key: 'when',
            title: t('bookingsPlan.tab.when'),
            width: 200,
            render: (_, e) => (
              <span className="bp-timeline-time">
                {e.type === 'item'
                  ? e.timeKnown
                    ? fmt.instant(e.startMs)
                    : `${fmt.day(e.item.date)} ${t('bookingsPlan.tab.allDay')}`
                  : fmt.span(e.booking.startMs, e.booking.endMs)}
              </span>
            ),
          },
          {
            key: 'what',
            title: t('bookingsPlan.tab.what'),
            render: (_, e) =>
              e.type === 'item' ? (
                <span>
                  <Tag>{t('bookingsPlan.tab.itinerary')}</Tag>
                  {fmt.parts([e.item.activity, e.item.place, e.item.owner])}
                </span>
              ) : (
                <span>
                  <Tag color="blue">{kindTitle(e.booking.detail, fmt)}</Tag>
                  {describeBooking(e.booking, fmt)}
                </span>
              ),
          },
          {
            key: 'status',
            title: t('bookingsPlan.tab.status'),
            width: 180,
            render: (_, e) =>
              e.type === 'booking' && (
                <Space size={4}>
                  <BookingStatusTag status={e.booking.status} fmt={fmt} />
                  <Button
                    size="small"
                    type="text"
                    icon={<CalendarOutlined />}
                    aria-label={t('bookingsPlan.tab.exportOne', {
                      what: shortWhat(e.booking.detail, e.booking.startMs, fmt),
                    })}
                    onClick={() => void ics(requestId, e.booking.id)}
                  />
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}
