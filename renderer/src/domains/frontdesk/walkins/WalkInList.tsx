import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WalkInView } from '../../../../../shared/frontdesk/views';
import { call } from '../../../api/client';
import { useErrorToast, useInvalidate, useOp } from '../../../api/queries';
import { useInstant, WalkInStatusTag } from './common';
import { useFirstFieldFocus } from '../../../components/focusFirstField';

/** The check-in of an accepted walk-in: badge number, the notice acknowledged when it is on. */
function CheckInDialog({ walkIn, onClose }: { walkIn: WalkInView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const settings = useOp('frontdesk.settings', {});
  useErrorToast(settings.error);
  const [badge, setBadge] = useState('');
  const [consent, setConsent] = useState(false);
  const [watchReason, setWatchReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notice = settings.data;
  const noticeText = notice ? (i18n.language === 'en' ? notice.noticeEn : notice.noticeZh) : '';
  const c = (key: string, params?: Record<string, unknown>) =>
    t(`frontdeskWalkIn.checkIn.${key}`, params);

  const submit = async () => {
    setBusy(true);
    const r = await call('frontdesk.checkIn', {
      requestId: null,
      walkInId: walkIn.id,
      guests: [{ seq: 0, badgeNo: badge, idType: null, idLast4: '', consent }],
      overrideReason: '',
      watchOverrideReason: watchReason,
    });
    setBusy(false);
    if (!r.ok) {
      const field = r.error.fieldErrors ? Object.values(r.error.fieldErrors)[0] : undefined;
      setError(field ? t(field.key, field.params) : t(r.error.key, r.error.params));
      return;
    }
    void message.success(c('done'));
    await invalidate('frontdesk.walkIns');
    onClose();
  };

  const [fieldsRef, focusFirstField] = useFirstFieldFocus();
  return (
    <Modal
      open
      afterOpenChange={focusFirstField}
      title={c('title', { name: walkIn.name })}
      okText={c('ok')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      okButtonProps={{ disabled: notice?.noticeEnabled === true && !consent }}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <div ref={fieldsRef}>
        <Form layout="vertical" component="div">
          <Form.Item label={c('badge')} htmlFor="walkInBadge" required>
            <Input
              id="walkInBadge"
              autoFocus
              value={badge}
              maxLength={10}
              onChange={(e) => setBadge(e.target.value)}
              onPressEnter={() => void submit()}
            />
          </Form.Item>
          {walkIn.watch.length > 0 && (
            <Form.Item label={c('watchReason')} htmlFor="walkInWatchReason" required>
              <Input.TextArea
                id="walkInWatchReason"
                value={watchReason}
                maxLength={200}
                onChange={(e) => setWatchReason(e.target.value)}
              />
            </Form.Item>
          )}
          {notice?.noticeEnabled && (
            <Form.Item label={c('notice')}>
              <Typography.Paragraph className="fw-notice">{noticeText}</Typography.Paragraph>
              <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
                {c('consent')}
              </Checkbox>
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon title={error} role="alert" />}
        </Form>
      </div>
    </Modal>
  );
}

/** 今日未预约访客: status live (the host's answer arrives as an event), check-in and check-out. */
export function WalkInList({ day }: { day: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const instant = useInstant();
  const invalidate = useInvalidate();
  const list = useOp('frontdesk.walkIns', { day });
  useErrorToast(list.error);
  const [checkingIn, setCheckingIn] = useState<WalkInView | null>(null);
  const l = (key: string, params?: Record<string, unknown>) =>
    t(`frontdeskWalkIn.list.${key}`, params);

  const checkOut = async (w: WalkInView) => {
    if (w.guestId === null) return;
    const r = await call('frontdesk.checkOut', { guestIds: [w.guestId], atMs: null });
    if (!r.ok) {
      void message.error(t(r.error.key, r.error.params));
      return;
    }
    void message.success(t('frontdeskWalkIn.checkOut.done'));
    await invalidate('frontdesk.walkIns');
  };

  const columns: TableColumnsType<WalkInView> = [
    {
      title: l('time'),
      dataIndex: 'registeredAtMs',
      width: 90,
      render: (ms: number) => instant(ms, 'time'),
    },
    {
      title: l('visitor'),
      key: 'visitor',
      render: (_, w) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{w.name}</Typography.Text>
          <Typography.Text type="secondary">
            {[w.orgName, w.phoneMasked].filter(Boolean).join(' · ')}
          </Typography.Text>
          {w.watch.map((h) => (
            <Typography.Text type="danger" key={h.watchId}>
              {l('watch', { reason: h.reason })}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { title: l('host'), dataIndex: 'hostName' },
    { title: l('purpose'), dataIndex: 'purpose', ellipsis: true },
    {
      title: l('status'),
      key: 'status',
      render: (_, w) => (
        <Space orientation="vertical" size={0}>
          <WalkInStatusTag status={w.status} />
          {w.answerComment && (
            <Typography.Text type="secondary">
              {l('comment', { comment: w.answerComment })}
            </Typography.Text>
          )}
          {w.arrivedAtMs !== null && w.leftAtMs === null && (
            <Typography.Text>{l('inside', { badge: w.badgeNo })}</Typography.Text>
          )}
          {w.leftAtMs !== null && (
            <Typography.Text type="secondary">
              {l('left', { time: instant(w.leftAtMs, 'time') })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: l('actions'),
      key: 'actions',
      width: 120,
      render: (_, w) => {
        if (w.status !== 'accepted') return null;
        if (w.guestId !== null && w.leftAtMs === null) {
          return (
            <Popconfirm
              title={t('frontdeskWalkIn.checkOut.confirm', { name: w.name })}
              okText={l('checkOut')}
              cancelText={t('common.cancel')}
              onConfirm={() => checkOut(w)}
            >
              <Button size="small">{l('checkOut')}</Button>
            </Popconfirm>
          );
        }
        return (
          <Button size="small" type="primary" onClick={() => setCheckingIn(w)}>
            {l('checkIn')}
          </Button>
        );
      },
    },
  ];

  return (
    <Card size="small" title={<h2 className="fw-card-title">{l('title')}</h2>}>
      <Table<WalkInView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isLoading}
        pagination={false}
        locale={{ emptyText: l('empty') }}
        data-testid="walk-in-list"
      />
      {checkingIn && <CheckInDialog walkIn={checkingIn} onClose={() => setCheckingIn(null)} />}
    </Card>
  );
}
