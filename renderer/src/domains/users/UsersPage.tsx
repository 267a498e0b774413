import { CloseOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { Control, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import * as z from 'zod';
import { ROLES } from '../../../../shared/auth';
import { userCreateInput, userUpdateInput } from '../../../../shared/users/contract';
import type { DepartmentView, UserView } from '../../../../shared/contract/types';
import type { Language } from '../../../../shared/i18n/translate';
import { password } from '../../../../shared/validation/fields';
import { call } from '../../api/client';
import type { Result } from '../../../../shared/result';
import { Field, useZodForm } from '../../components/form';
import { FormModal, useFormSubmit } from '../../components/FormModal';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';
import { useErrorToast, useInvalidate, useOp } from '../../api/queries';
import { useConfirmImpact } from '../approvals';
import { ImportUsersDialog } from '../setup';

/** The fields a new user and an edited one share. */
type Profile = Pick<
  z.input<typeof userUpdateInput>,
  'displayName' | 'departmentId' | 'roles' | 'phone'
>;

function ProfileFields<T extends Profile>({
  control,
  departments,
}: {
  control: Control<T, unknown, FieldValues>;
  departments: DepartmentView[];
}) {
  const { t } = useTranslation();
  // Both forms hold these three fields; react-hook-form cannot see that through a generic.
  const profile = control as unknown as Control<Profile, unknown, FieldValues>;
  return (
    <>
      <Field control={profile} name="displayName" label={t('users.displayName')} required>
        {(f) => <Input {...f} id="displayName" />}
      </Field>
      <Field control={profile} name="departmentId" label={t('users.department')}>
        {(f) => (
          <Select
            {...f}
            id="departmentId"
            allowClear
            onChange={(v: number | undefined) => f.onChange(v ?? null)}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
      </Field>
      <Field control={profile} name="phone" label={t('users.phone')}>
        {(f) => <Input {...f} value={f.value ?? ''} id="phone" inputMode="tel" />}
      </Field>
      <Field control={profile} name="roles" label={t('users.roles')} required>
        {(f) => (
          <Select
            {...f}
            id="roles"
            mode="multiple"
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        )}
      </Field>
    </>
  );
}

function CreateUserModal({
  open,
  departments,
  onClose,
}: {
  open: boolean;
  departments: DepartmentView[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useZodForm(userCreateInput, {
    login: '',
    displayName: '',
    departmentId: null,
    roles: ['host'],
    password: '',
    phone: '',
  });
  const save = useFormSubmit(form, (input) => call('users.create', input), {
    onOk: () => {
      void message.success(t('users.created'));
      form.reset();
      onClose(true);
    },
  });
  return (
    <FormModal open={open} title={t('users.create')} action={save} onCancel={() => onClose(false)}>
      <Field control={form.control} name="login" label={t('users.login')} required>
        {(f) => <Input {...f} id="login" autoComplete="off" />}
      </Field>
      <ProfileFields control={form.control} departments={departments} />
      <Field
        control={form.control}
        name="password"
        label={t('users.password')}
        help={t('users.passwordHint')}
        required
      >
        {(f) => <Input.Password {...f} id="password" autoComplete="new-password" />}
      </Field>
    </FormModal>
  );
}

function EditUserModal({
  user,
  departments,
  onClose,
}: {
  user: UserView;
  departments: DepartmentView[];
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useZodForm(userUpdateInput, {
    id: user.id,
    displayName: user.displayName,
    departmentId: user.departmentId,
    roles: user.roles,
    disabled: user.disabled,
    phone: user.phone,
  });
  const confirmImpact = useConfirmImpact();
  const save = useFormSubmit(
    form,
    async (input): Promise<Result<unknown>> => {
      // Disabling or taking roles away moves the approvals waiting on him: shown first.
      const losesRight =
        (input.disabled && !user.disabled) || user.roles.some((r) => !input.roles.includes(r));
      const go =
        !losesRight ||
        (await confirmImpact({ userId: user.id, disabled: input.disabled, roles: input.roles }));
      return go ? call('users.update', input) : { ok: true as const, value: null };
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
      title={`${t('users.edit')} · ${user.login}`}
      action={save}
      onCancel={() => onClose(false)}
    >
      <ProfileFields control={form.control} departments={departments} />
      <Field control={form.control} name="disabled" label={t('users.disable')}>
        {(f) => <Switch checked={Boolean(f.value)} onChange={f.onChange} id="disabled" />}
      </Field>
    </FormModal>
  );
}

const resetSchema = z.object({ password });

function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useZodForm(resetSchema, { password: '' });
  const save = useFormSubmit(
    form,
    ({ password: pw }) => call('users.resetPassword', { id: user.id, password: pw }),
    {
      onOk: () => {
        void message.success(t('users.resetPasswordDone'));
        onClose();
      },
    },
  );
  return (
    <FormModal
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      okText={t('users.resetPassword')}
      danger
      action={save}
      onCancel={onClose}
    >
      <Field control={form.control} name="password" label={t('users.password')} required>
        {(f) => <Input.Password {...f} id="password" autoComplete="new-password" />}
      </Field>
    </FormModal>
  );
}

const NO_USERS: UserView[] = [];
const NO_DEPARTMENTS: DepartmentView[] = [];

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const session = useSignedIn();
  const language = i18n.language as Language;
  const usersQuery = useOp('users.list', {});
  const departmentsQuery = useOp('departments.list', {});
  useErrorToast(usersQuery.error);
  useErrorToast(departmentsQuery.error);
  const invalidate = useInvalidate();
  const users = {
    items: usersQuery.data ?? NO_USERS,
    loading: usersQuery.isFetching,
    // A user's department and roles show in the department list (members, head) too.
    reload: () => void invalidate('users.list', 'departments.list'),
  };
  const departments = { items: departmentsQuery.data ?? NO_DEPARTMENTS };
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [filter, setFilter] = useState('');
  // ?locked=1 (the home page's 锁定的账户): only the accounts locked now.
  const [params, setParams] = useSearchParams();
  const lockedOnly = params.get('locked') === '1';

  const visible = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const shown = lockedOnly ? users.items.filter((u) => u.lockedUntilMs !== null) : users.items;
    if (!f) return shown;
    return shown.filter((u) => u.displayName.toLowerCase().includes(f) || u.login.includes(f));
  }, [users.items, filter, lockedOnly]);

  const unlock = async (user: UserView) => {
    const r = await call('users.unlock', { id: user.id });
    if (r.ok) {
      void message.success(t('users.unlocked'));
      users.reload();
    } else void message.error(t(r.error.key, r.error.params));
  };

  const columns: TableColumnsType<UserView> = [
    {
      title: t('users.displayName'),
      dataIndex: 'displayName',
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'),
    },
    { title: t('users.login'), dataIndex: 'login' },
    {
      title: t('users.department'),
      dataIndex: 'departmentName',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('users.roles'),
      dataIndex: 'roles',
      render: (roles: UserView['roles']) =>
        roles.map((r) => (
          <Tag key={r} color={r === 'sysadmin' ? 'red' : 'cyan'}>
            {t(`roles.${r}`)}
          </Tag>
        )),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space orientation="vertical" size={0}>
          {u.disabled ? (
            <Tag>{t('users.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('users.active')}</Tag>
          )}
          {u.lockedUntilMs && (
            <Typography.Text type="danger">
              {t('users.lockedUntil', {
                time: formatInstant(u.lockedUntilMs, session.settings.timeZone, language, 'time'),
              })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Button type="link" onClick={() => setResetting(u)}>
            {t('users.resetPassword')}
          </Button>
          {u.lockedUntilMs && (
            <Button type="link" onClick={() => void unlock(u)}>
              {t('users.unlock')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('users.title')}</h1>
        <Space>
          {lockedOnly && (
            <Tag
              closable
              color="error"
              data-testid="locked-only"
              closeIcon={<CloseOutlined aria-label={t('users.showAll')} />}
              onClose={(e) => {
                e.preventDefault();
                setParams({});
              }}
            >
              {t('users.lockedOnly')}
            </Tag>
          )}
          <Input.Search
            allowClear
            aria-label={t('users.filter')}
            placeholder={t('users.filter')}
            onChange={(e) => setFilter(e.target.value)}
            style={{ width: 220 }}
          />
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('setup.import.open')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        </Space>
      </div>
      <Table<UserView>
        rowKey="id"
        size="middle"
        loading={users.loading}
        columns={columns}
        dataSource={visible}
        pagination={{
          pageSize: 20,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        locale={{ emptyText: t('users.empty') }}
      />
      <CreateUserModal
        open={creating}
        departments={departments.items}
        onClose={(changed) => {
          setCreating(false);
          if (changed) users.reload();
        }}
      />
      {importing && (
        <ImportUsersDialog
          onClose={(changed) => {
            setImporting(false);
            if (changed) users.reload();
          }}
        />
      )}
      {editing && (
        <EditUserModal
          user={editing}
          departments={departments.items}
          onClose={(changed) => {
            setEditing(null);
            if (changed) users.reload();
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => {
            setResetting(null);
            users.reload();
          }}
        />
      )}
    </>
  );
}
