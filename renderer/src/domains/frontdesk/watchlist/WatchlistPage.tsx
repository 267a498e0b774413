import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchView } from '../../../../../shared/frontdesk/views';
import { call } from '../../../api/client';
import { useErrorToast, useInvalidate, useOp } from '../../../api/queries';
import { formatInstant } from '../../../format';
import { useCompanyTimeZone } from '../../../session/SessionContext';
import { useWatchRefusal } from './refusal';
import { WatchModal } from './WatchModal';
import './watchlist.css';

/** 黑名单: the entries (phones masked, ID numbers never shown), add and edit, 停用/启用. */
export function WatchlistPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const tz = useCompanyTimeZone() ?? 'Asia/Shanghai';
  const { message, modal } = App.useApp();
  const [showAll, setShowAll] = useState(false);
  const query = useOp('frontdesk.watchlist', { includeInactive: showAll });
  useErrorToast(query.error);
  const invalidate = useInvalidate();
  const refusal = useWatchRefusal();
  const [editing, setEditing] = useState<{ entry: WatchView | null }>();
  const rows = query.data ?? [];
  const c = (key: string) => t(`frontdeskWatch.col.${key}`);
  const label = (w: WatchView) => (w.kind === 'org' ? w.orgName : w.name || w.phoneMasked);

  const setActive = async (w: WatchView, active: boolean) => {
    const res = await call('frontdesk.setWatchActive', { id: w.id, version: w.version, active });
    if (!res.ok) {
      refusal(res.error);
      return;
    }
    void message.success(t(active ? 'frontdeskWatch.activated' : 'frontdeskWatch.deactivated'));
    await invalidate('frontdesk.watchlist');
  };

  const confirmActive = (w: WatchView, active: boolean) => {
    modal.confirm({
      title: t(active ? 'frontdeskWatch.activateTitle' : 'frontdeskWatch.deactivateTitle'),
      content: t(active ? 'frontdeskWatch.activateBody' : 'frontdeskWatch.deactivateBody'),
      okText: t(active ? 'frontdeskWatch.activate' : 'frontdeskWatch.deactivate'),
      okButtonProps: active ? undefined : { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setActive(w, active),
    });
  };

  const columns: TableColumnsType<WatchView> = [
    {
      title: c('kind'),
      key: 'kind',
      width: 90,
      render: (_, w) => (
        <Tag color={w.kind === 'org' ? 'purple' : 'blue'}>{t(`frontdeskWatch.kind.${w.kind}`)}</Tag>
      ),
    },
    { title: c('name'), key: 'name', width: 110, render: (_, w) => w.name || '—' },
    { title: c('orgName'), key: 'orgName', render: (_, w) => w.orgName || '—' },
    {
      title: c('phone'),
      key: 'phone',
      width: 120,
      render: (_, w) => <span className="fw-mono">{w.phoneMasked || '—'}</span>,
    },
    {
      title: c('hasId'),
      key: 'hasId',
      width: 80,
      render: (_, w) => (w.hasId ? t('frontdeskWatch.idYes') : t('frontdeskWatch.idNo')),
    },
    {
      title: c('reason'),
      key: 'reason',
      render: (_, w) => <span className="fw-reason">{w.reason}</span>,
    },
    {
      title: c('active'),
      key: 'active',
      width: 90,
      render: (_, w) =>
        w.active ? (
          <Tag color="error">{t('frontdeskWatch.active')}</Tag>
        ) : (
          <Tag>{t('frontdeskWatch.inactive')}</Tag>
        ),
    },
    {
      title: c('updated'),
      key: 'updated',
      width: 160,
      render: (_, w) => formatInstant(w.updatedAtMs, tz, language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, w) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ entry: w })}
            aria-label={`${t('common.edit')} ${label(w)}`}
          >
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            danger={w.active}
            onClick={() => confirmActive(w, !w.active)}
            aria-label={`${t(w.active ? 'frontdeskWatch.deactivate' : 'frontdeskWatch.activate')} ${label(w)}`}
          >
            {t(w.active ? 'frontdeskWatch.deactivate' : 'frontdeskWatch.activate')}
          </Button>
        </Space>
      ),
    },
  ];

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ entry: null })}>
      {t('frontdeskWatch.add')}
    </Button>
  );

  return (
    <>
      <div className="page-header">
        <h1>{t('frontdeskWatch.title')}</h1>
        <Space size="middle">
          <Space>
            <Switch
              id="watch-show-all"
              checked={showAll}
              onChange={setShowAll}
              aria-label={t('frontdeskWatch.showAll')}
            />
            <label htmlFor="watch-show-all">{t('frontdeskWatch.showAll')}</label>
          </Space>
          {rows.length > 0 && addButton}
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="fw-intro">
        {t('frontdeskWatch.intro')}
      </Typography.Paragraph>
      <Card size="small">
        <Table<WatchView>
          rowKey="id"
          size="middle"
          data-testid="watchlist"
          loading={query.isFetching && rows.length === 0}
          columns={columns}
          dataSource={rows}
          pagination={false}
          rowClassName={(w) => (w.active ? '' : 'fw-inactive')}
          footer={
            rows.length > 0 ? () => t('frontdeskWatch.count', { count: rows.length }) : undefined
          }
          locale={{
            emptyText: (
              <Empty
                description={
                  <>
                    <div>{t(showAll ? 'frontdeskWatch.emptyAll' : 'frontdeskWatch.empty')}</div>
                    <Typography.Text type="secondary">
                      {t('frontdeskWatch.emptyHint')}
                    </Typography.Text>
                  </>
                }
              >
                {addButton}
              </Empty>
            ),
          }}
        />
      </Card>
      {editing && (
        <WatchModal
          entry={editing.entry}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) void invalidate('frontdesk.watchlist');
          }}
        />
      )}
    </>
  );
}
