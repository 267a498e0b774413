import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentInput } from '../../../../shared/departments/contract';
import type { DepartmentView, UserView } from '../../../../shared/contract/types';
import { call } from '../../api/client';
import type { Result } from '../../../../shared/result';
import { useConfirmImpact } from '../approvals';
import { Field, useZodForm } from '../../components/form';
import { FormModal, useFormSubmit } from '../../components/FormModal';
import { useErrorToast, useInvalidate, useOp } from '../../api/queries';

function DepartmentModal({
  department,
  users,
  onClose,
}: {
  department: DepartmentView | null;
  users: UserView[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useZodForm(departmentInput, {
    name: department?.name ?? '',
    headUserId: department?.headUserId ?? null,
  });
  const confirmImpact = useConfirmImpact();
  const save = useFormSubmit(
    form,
    async (input): Promise<Result<unknown>> => {
      if (!department) return call('departments.create', input);
      // A new head (or none) takes over the department's waiting approvals: shown first.
      const go =
        input.headUserId === department.headUserId ||
        (await confirmImpact({ departmentId: department.id, headUserId: input.headUserId }));
      return go
        ? call('departments.update', { ...input, id: department.id })
        : { ok: true as const, value: null };
    },
    {
      onOk: (saved) => {
        if (!saved) return;
        void message.success(t('common.saved'));
        onClose(true);
      },
    },
  );
  return (
    <FormModal
      title={department ? t('departments.edit') : t('departments.create')}
      action={save}
      onCancel={() => onClose(false)}
    >
      <Field control={form.control} name="name" label={t('departments.name')} required>
        {(f) => <Input {...f} id="name" autoFocus />}
      </Field>
      <Field control={form.control} name="headUserId" label={t('departments.head')}>
        {(f) => (
          <Select
            {...f}
            id="headUserId"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: number | undefined) => f.onChange(v ?? null)}
            options={users
              .filter((u) => !u.disabled)
              .map((u) => ({ value: u.id, label: `${u.displayName} (${u.login})` }))}
          />
        )}
      </Field>
    </FormModal>
  );
}

export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const departmentsQuery = useOp('departments.list', {});
  const usersQuery = useOp('users.list', {});
  useErrorToast(departmentsQuery.error);
  useErrorToast(usersQuery.error);
  const departments = {
    items: departmentsQuery.data ?? [],
    loading: departmentsQuery.isFetching,
  };
  const users = { items: usersQuery.data ?? [] };
  const invalidate = useInvalidate();
  // A department's name or head shows in the user list too.
  const changed = () => invalidate('departments.list', 'users.list');
  const [editing, setEditing] = useState<DepartmentView | 'new' | null>(null);

  const remove = (d: DepartmentView) => {
    modal.confirm({
      title: t('departments.deleteConfirm', { name: d.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const r = await call('departments.delete', { id: d.id });
        if (r.ok) {
          void message.success(t('departments.deleted'));
          await changed();
        } else void message.error(t(r.error.key, r.error.params));
      },
    });
  };

  const columns: TableColumnsType<DepartmentView> = [
    { title: t('departments.name'), dataIndex: 'name' },
    { title: t('departments.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
    { title: t('departments.members'), dataIndex: 'memberCount', width: 100, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" onClick={() => setEditing(d)}>
            {t('common.edit')}
          </Button>
          <Button type="link" danger onClick={() => remove(d)}>
            {t('common.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('departments.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('departments.create')}
        </Button>
      </div>
      <Table<DepartmentView>
        rowKey="id"
        size="middle"
        loading={departments.loading}
        columns={columns}
        dataSource={departments.items}
        pagination={false}
        locale={{ emptyText: <Empty description={t('departments.empty')} /> }}
      />
      {editing && (
        <DepartmentModal
          department={editing === 'new' ? null : editing}
          users={users.items}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void changed();
          }}
        />
      )}
    </>
  );
}
