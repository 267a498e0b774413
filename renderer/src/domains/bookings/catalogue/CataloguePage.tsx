import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  RESOURCE_KINDS,
  type ResourceInput,
  type ResourceKind,
  type ResourceView,
} from '../../../../../shared/bookings';
import { call } from '../../../api/client';
import { useErrorToast, useInvalidate, useOp } from '../../../api/queries';
import { useSession } from '../../../session/SessionContext';
import { useMoney, useRefusal } from './common';
import { ResourceModal } from './ResourceForm';
import { RulesCard } from './RulesCard';
import './catalogue.css';

/** At or below this many left, an item's stock is marked low. */
export const LOW_STOCK = 5;

const isKind = (s: string | null): s is ResourceKind =>
  (RESOURCE_KINDS as readonly string[]).includes(s ?? '');

type Details<K extends ResourceKind> = Extract<ResourceInput, { kind: K }>;
const details = <K extends ResourceKind>(r: ResourceView, kind: K): Details<K> | null =>
  r.details.kind === kind ? (r.details as Details<K>) : null;

/** 资源目录: one tab per kind of resource, 停用/启用 instead of delete, and the booking rules. */
export function CataloguePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('bookings.manage');
  const [params, setParams] = useSearchParams();
  const kind: ResourceKind = isKind(params.get('kind'))
    ? (params.get('kind') as ResourceKind)
    : 'vehicle';
  const [showInactive, setShowInactive] = useState(false);
  const query = useOp('bookings.resources', { kind: null, includeInactive: showInactive });
  useErrorToast(query.error);
  const [editing, setEditing] = useState<{ kind: ResourceKind; resource: ResourceView | null }>();
  const invalidate = useInvalidate();

  const byKind = useMemo(() => {
    const m = new Map<ResourceKind, ResourceView[]>(RESOURCE_KINDS.map((k) => [k, []]));
    for (const r of query.data ?? []) m.get(r.kind)?.push(r);
    return m;
  }, [query.data]);

  return (
    <>
      <div className="page-header">
        <h1>{t('bookingsCatalogue.title')}</h1>
        <Space>
          <Switch
            id="show-inactive"
            checked={showInactive}
            onChange={setShowInactive}
            aria-label={t('bookingsCatalogue.showInactive')}
          />
          <label htmlFor="show-inactive">{t('bookingsCatalogue.showInactive')}</label>
        </Space>
      </div>
      <Typography.Paragraph type="secondary" className="bc-intro">
        {t('bookingsCatalogue.intro')}
      </Typography.Paragraph>
      <Card size="small" className="bc-tabs-card">
        <Tabs
          activeKey={kind}
          onChange={(k) => setParams({ kind: k }, { replace: true })}
          items={RESOURCE_KINDS.map((k) => {
            const rows = byKind.get(k) ?? [];
            return {
              key: k,
              label: (
                <span>
                  {t(`bookings.resourceKind.${k}`)}
                  <span className="bc-tab-count">{rows.length}</span>
                </span>
              ),
              children: (
                <KindTable
                  kind={k}
                  rows={rows}
                  loading={query.isFetching}
                  manage={manage}
                  showInactive={showInactive}
                  onAdd={() => setEditing({ kind: k, resource: null })}
                  onEdit={(resource) => setEditing({ kind: k, resource })}
                />
              ),
            };
          })}
        />
      </Card>
      <RulesCard manage={manage} />
      {editing && (
        <ResourceModal
          kind={editing.kind}
          resource={editing.resource}
          onClose={(saved) => {
            setEditing(undefined);
            if (saved) void invalidate('bookings.resources', 'bookings.free');
          }}
        />
      )}
    </>
  );
}

function KindTable({
  kind,
  rows,
  loading,
  manage,
  showInactive,
  onAdd,
  onEdit,
}: {
  kind: ResourceKind;
  rows: ResourceView[];
  loading: boolean;
  manage: boolean;
  showInactive: boolean;
  onAdd: () => void;
  onEdit: (r: ResourceView) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const money = useMoney();
  const refusal = useRefusal();
  const invalidate = useInvalidate();
  const f = (key: string) => t(`bookingsCatalogue.field.${key}`);

  const setActive = async (r: ResourceView, active: boolean) => {
    const res = await call('bookings.setResourceActive', {
      id: r.id,
      version: r.version,
      active,
    });
    if (!res.ok) {
      refusal(res.error);
      return;
    }
    void message.success(
      t(`bookingsCatalogue.${active ? 'activated' : 'deactivated'}`, { name: r.name }),
    );
    await invalidate('bookings.resources', 'bookings.free');
  };

  const deactivate = (r: ResourceView) => {
    modal.confirm({
      title: t('bookingsCatalogue.deactivateTitle', { name: r.name }),
      content: t('bookingsCatalogue.deactivateBody'),
      okText: t('bookingsCatalogue.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setActive(r, false),
    });
  };

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={onAdd}>
      {t(`bookingsCatalogue.kinds.${kind}.add`)}
    </Button>
  );

  const kindColumns: TableColumnsType<ResourceView> = (() => {
    switch (kind) {
      case 'vehicle':
        return [
          { title: f('plate'), dataIndex: 'name', width: 140 },
          { title: f('model'), key: 'model', render: (_, r) => details(r, 'vehicle')?.model },
          {
            title: f('seats'),
            dataIndex: 'capacity',
            width: 100,
            align: 'right',
          },
        ];
      case 'driver':
        return [
          { title: f('name'), dataIndex: 'name', width: 160 },
          { title: f('phone'), key: 'phone', render: (_, r) => details(r, 'driver')?.phone },
          {
            title: f('licenceClass'),
            key: 'licence',
            width: 120,
            render: (_, r) => details(r, 'driver')?.licenceClass,
          },
        ];
      case 'room':
        return [
          { title: f('roomName'), dataIndex: 'name', width: 180 },
          { title: f('place'), key: 'place', render: (_, r) => details(r, 'room')?.place || '—' },
          { title: f('capacity'), dataIndex: 'capacity', width: 110, align: 'right' },
          {
            title: f('equipment'),
            key: 'equipment',
            render: (_, r) => {
              const eq = details(r, 'room')?.equipment ?? [];
              return eq.length === 0
                ? '—'
                : eq.map((e) => <Tag key={e}>{t(`labels.equipment.${e}`)}</Tag>);
            },
          },
        ];
      case 'hotel':
        return [
          { title: f('hotelName'), dataIndex: 'name', width: 200 },
          {
            title: f('star'),
            key: 'star',
            width: 100,
            render: (_, r) => {
              const star = details(r, 'hotel')?.star;
              return star ? t('bookingsCatalogue.field.starCount', { n: star }) : f('starNone');
            },
          },
          {
            title: f('roomTypes'),
            key: 'roomTypes',
            render: (_, r) => (
              <div className="bc-lines">
                {(details(r, 'hotel')?.roomTypes ?? []).map((rt) => (
                  <div key={rt.name}>
                    {rt.name}{' '}
                    <Typography.Text type="secondary">
                      {t('bookingsCatalogue.perNight', { price: money(rt.priceFen) })}
                    </Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
          { title: f('phone'), key: 'phone', render: (_, r) => details(r, 'hotel')?.phone || '—' },
        ];
      case 'restaurant':
        return [
          { title: f('restaurantName'), dataIndex: 'name', width: 200 },
          {
            title: f('perHeadShort'),
            key: 'perHead',
            width: 140,
            align: 'right',
            render: (_, r) => {
              const d = details(r, 'restaurant');
              return d ? money(d.perHeadFen) : null;
            },
          },
          {
            title: f('privateRooms'),
            key: 'privateRooms',
            render: (_, r) => {
              const rooms = details(r, 'restaurant')?.privateRooms ?? [];
              return rooms.length === 0 ? (
                <Typography.Text type="secondary">{f('noPrivateRooms')}</Typography.Text>
              ) : (
                rooms.map((p) => (
                  <Tag key={p.name}>
                    {p.name} · {t('bookingsCatalogue.people', { n: p.capacity })}
                  </Tag>
                ))
              );
            },
          },
          {
            title: f('phone'),
            key: 'phone',
            render: (_, r) => details(r, 'restaurant')?.phone || '—',
          },
        ];
      case 'supply':
        return [
          { title: f('item'), dataIndex: 'name' },
          {
            title: f('unit'),
            key: 'unit',
            width: 100,
            render: (_, r) => details(r, 'supply')?.unit,
          },
          {
            title: f('stock'),
            dataIndex: 'stock',
            width: 180,
            align: 'right',
            render: (stock: number) =>
              stock <= LOW_STOCK ? (
                <Space size={6}>
                  <Tag color="error">{t('bookingsCatalogue.lowStock')}</Tag>
                  <span className="bc-low-stock">{stock}</span>
                </Space>
              ) : (
                stock
              ),
          },
        ];
    }
  })();

  const columns: TableColumnsType<ResourceView> = [
    ...kindColumns,
    ...(showInactive
      ? [
          {
            title: f('status'),
            key: 'active',
            width: 100,
            render: (_: unknown, r: ResourceView) =>
              r.active ? (
                <Tag color="success">{t('bookingsCatalogue.active')}</Tag>
              ) : (
                <Tag>{t('bookingsCatalogue.inactive')}</Tag>
              ),
          },
        ]
      : []),
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, r: ResourceView) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => onEdit(r)}
                  aria-label={`${t('common.edit')} ${r.name}`}
                >
                  {t('common.edit')}
                </Button>
                {r.active ? (
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => deactivate(r)}
                    aria-label={`${t('bookingsCatalogue.deactivate')} ${r.name}`}
                  >
                    {t('bookingsCatalogue.deactivate')}
                  </Button>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void setActive(r, true)}
                    aria-label={`${t('bookingsCatalogue.activate')} ${r.name}`}
                  >
                    {t('bookingsCatalogue.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid={`catalogue-${kind}`}>
      {manage && rows.length > 0 && <div className="bc-toolbar">{addButton}</div>}
      <Table<ResourceView>
        rowKey="id"
        size="middle"
        loading={loading && rows.length === 0}
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (r.active ? '' : 'bc-inactive')}
        locale={{
          emptyText: (
            <Empty description={t(`bookingsCatalogue.kinds.${kind}.empty`)}>
              {manage && addButton}
            </Empty>
          ),
        }}
      />
    </div>
  );
}
