import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { hasPermission } from '../../../../shared/auth';
import { companyDate } from '../../../../shared/dates';
import type { DelegationView } from '../../../../shared/delegations/views';
import { id } from '../../../../shared/validation/fields';
import { useErrorToast, useOp, useOpMutation } from '../../api/queries';
import { DateRangeField } from '../../components/DateTimeField';
import { Field, useZodForm } from '../../components/form';
import { useFormSubmit } from '../../components/FormModal';
import { useSignedIn } from '../../session/SessionContext';
import { DELEGATION_COLOR, delegationState, type DelegationState } from './delegation';

const dateField = z
  .string()
  .min(1, { message: 'validation.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' });

/** `delegations.create`'s input, with "required" rather than "invalid date" for an empty range. */
const delegationForm = z
  .strictObject({ delegateUserId: id, fromDate: dateField, toDate: dateField })
  .refine((v) => v.fromDate <= v.toDate, { message: 'validation.rangeOrder', path: ['toDate'] });

/** Message params travel in a field error's `type` as JSON (see components/form.tsx). */
function paramsOf(type: string | undefined): Record<string, unknown> {
  return type?.startsWith('{') ? (JSON.parse(type) as Record<string, unknown>) : {};
}

function NewDelegation({ today }: { today: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSignedIn();
  const usersQuery = useOp('users.directory', {});
  useErrorToast(usersQuery.error);
  const users = { items: usersQuery.data ?? [], loading: usersQuery.isPending };
  const create = useOpMutation('delegations.create', { invalidates: ['delegations.list'] });
  const form = useZodForm(delegationForm, { fromDate: '', toDate: '' });
  const { errors } = form.formState;
  const rangeError = errors.fromDate ?? errors.toDate;

  // Only colleagues who can approve: anyone else would never see the tasks.
  const options = useMemo(
    () =>
      users.items
        .filter(
          (u) =>
            u.id !== session.user.id && !u.disabled && hasPermission(u.roles, 'approvals.decide'),
        )
        .map((u) => ({
          value: u.id,
          label: u.departmentName ? `${u.displayName} · ${u.departmentName}` : u.displayName,
          search: `${u.displayName} ${u.departmentName ?? ''}`.toLowerCase(),
        })),
    [users.items, session.user.id],
  );

  const save = useFormSubmit(form, (input) => create.mutateAsync(input), {
    onOk: (created) => {
      void message.success(t('requestAdmin.delegations.created', { name: created.delegateName }));
      form.reset();
    },
  });

  return (
    <Card size="small" title={t('requestAdmin.delegations.add')}>
      <Form layout="vertical" component="div">
        <Field
          control={form.control}
          name="delegateUserId"
          label={t('requestAdmin.delegations.delegate')}
          help={t('requestAdmin.delegations.delegateHint')}
          required
        >
          {(f) => (
            <Select<number>
              id="delegateUserId"
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              ref={f.ref}
              loading={users.loading}
              placeholder={t('requestAdmin.delegations.delegatePlaceholder')}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.search ?? '').includes(input.trim().toLowerCase()),
              }}
              options={options}
            />
          )}
        </Field>
        <Form.Item
          label={t('requestAdmin.delegations.dates')}
          required
          htmlFor="delegationDates"
          validateStatus={rangeError ? 'error' : undefined}
          help={
            rangeError?.message
              ? t(rangeError.message, paramsOf(rangeError.type))
              : t('requestAdmin.delegations.datesHint')
          }
        >
          <Controller
            control={form.control}
            name="fromDate"
            render={({ field: from }) => (
              <Controller
                control={form.control}
                name="toDate"
                render={({ field: to }) => (
                  <DateRangeField
                    id="delegationDates"
                    from={from.value}
                    to={to.value}
                    minDate={today}
                    invalid={Boolean(rangeError)}
                    onChange={(a, b) => {
                      from.onChange(a);
                      to.onChange(b);
                      void form.trigger(['fromDate', 'toDate']);
                    }}
                  />
                )}
              />
            )}
          />
        </Form.Item>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          loading={save.busy}
          onClick={() => void save.submit()}
          block
        >
          {t('requestAdmin.delegations.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 审批委托: delegations I gave (revocable), those given to me, and a form for a new one. */
export function DelegationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSignedIn();
  const me = session.user.id;
  const tz = session.settings.timeZone;
  const query = useOp('delegations.list', {});
  useErrorToast(query.error);
  const busy = query.isFetching;
  const revoker = useOpMutation('delegations.revoke', { invalidates: ['delegations.list'] });

  const revoke = async (d: DelegationView) => {
    const r = await revoker.mutateAsync({ id: d.id });
    if (r.ok) void message.success(t('requestAdmin.delegations.revokedDone'));
    else void message.error(t(r.error.key, r.error.params));
  };

  // The company's today when the list was read, for active / expired.
  const loaded = query.data
    ? { items: query.data, today: companyDate(query.dataUpdatedAt, tz) }
    : null;
  const today = loaded?.today ?? null;
  const stateOf = (d: DelegationView): DelegationState =>
    today ? delegationState(d, today) : d.revoked ? 'revoked' : 'active';
  const given = loaded?.items.filter((d) => d.userId === me) ?? [];
  const received = loaded?.items.filter((d) => d.delegateUserId === me) ?? [];
  const receivedNow = received.filter((d) => ['active', 'upcoming'].includes(stateOf(d)));

  const period = (d: DelegationView) =>
    `${d.fromDate} ${t('requestAdmin.delegations.to')} ${d.toDate}`;
  const stateTag = (d: DelegationView) => {
    const s = stateOf(d);
    return <Tag color={DELEGATION_COLOR[s]}>{t(`requestAdmin.delegations.${s}`)}</Tag>;
  };

  const givenColumns: TableColumnsType<DelegationView> = [
    { title: t('requestAdmin.delegations.delegate'), dataIndex: 'delegateName' },
    { title: t('requestAdmin.delegations.period'), key: 'period', render: (_, d) => period(d) },
    {
      title: t('requestAdmin.delegations.status'),
      key: 'state',
      width: 96,
      render: (_, d) => stateTag(d),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_, d) =>
        ['active', 'upcoming'].includes(stateOf(d)) && (
          <Popconfirm
            title={t('requestAdmin.delegations.revokeConfirm', { name: d.delegateName })}
            okText={t('requestAdmin.delegations.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(d)}
          >
            <Button type="link" danger size="small">
              {t('requestAdmin.delegations.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const receivedColumns: TableColumnsType<DelegationView> = [
    { title: t('requestAdmin.delegations.delegator'), dataIndex: 'userName' },
    { title: t('requestAdmin.delegations.period'), key: 'period', render: (_, d) => period(d) },
    {
      title: t('requestAdmin.delegations.status'),
      key: 'state',
      width: 96,
      render: (_, d) => stateTag(d),
    },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('requestAdmin.delegations.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('requestAdmin.delegations.intro')}
      </Typography.Paragraph>
      {receivedNow.length > 0 && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} size={8}>
          {receivedNow.map((d) => (
            <Alert
              key={d.id}
              type={stateOf(d) === 'active' ? 'success' : 'info'}
              showIcon
              title={t(
                stateOf(d) === 'active'
                  ? 'requestAdmin.delegations.receivedActive'
                  : 'requestAdmin.delegations.receivedUpcoming',
                { name: d.userName, from: d.fromDate, to: d.toDate },
              )}
            />
          ))}
        </Space>
      )}
      <Row gutter={[16, 16]} align="top">
        <Col flex="auto" style={{ minWidth: 0 }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
            <Card size="small" title={t('requestAdmin.delegations.given')}>
              <Table<DelegationView>
                rowKey="id"
                size="small"
                loading={busy}
                columns={givenColumns}
                dataSource={given}
                pagination={false}
                locale={{ emptyText: t('requestAdmin.delegations.emptyGiven') }}
              />
            </Card>
            <Card size="small" title={t('requestAdmin.delegations.received')}>
              <Table<DelegationView>
                rowKey="id"
                size="small"
                loading={busy}
                columns={receivedColumns}
                dataSource={received}
                pagination={false}
                locale={{ emptyText: t('requestAdmin.delegations.emptyReceived') }}
              />
            </Card>
          </div>
        </Col>
        <Col flex="340px">
          <NewDelegation today={today} />
        </Col>
      </Row>
    </>
  );
}
