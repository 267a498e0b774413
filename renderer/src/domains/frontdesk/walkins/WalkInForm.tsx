import { App, AutoComplete, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { walkInInput } from '../../../../../shared/frontdesk/contract';
import { call } from '../../../api/client';
import { useInvalidate, useOp } from '../../../api/queries';
import { useFormSubmit } from '../../../components/FormModal';
import { Field, useZodForm } from '../../../components/form';

const EMPTY = { name: '', orgName: '', phone: '', hostUserId: null, purpose: '' };

/**
 * 登记来访: name (known visitors suggested as the clerk types), organisation, phone, whom to see
 * (by name, pinyin initials or department), purpose. Ctrl+Enter submits from any field.
 */
export function WalkInForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const f = (key: string, params?: Record<string, unknown>) =>
    t(`frontdeskWalkIn.form.${key}`, params);
  const form = useZodForm(walkInInput, EMPTY);
  const invalidate = useInvalidate();
  const [hostQuery, setHostQuery] = useState('');
  const [nameQuery, setNameQuery] = useState('');
  const hosts = useOp('frontdesk.hosts', { query: hostQuery });
  // Another part of the desk remembers visitors; any error there just means no suggestions.
  const known = useOp(
    'frontdesk.suggestVisitors',
    { query: nameQuery },
    { enabled: nameQuery.trim().length > 0, staleTime: 30_000 },
  );
  const suggestions = known.error ? [] : (known.data ?? []);

  const save = useFormSubmit(form, (input) => call('frontdesk.registerWalkIn', input), {
    onOk: async (w) => {
      void message.success(f('registered', { host: w.hostName }));
      form.reset(EMPTY);
      setHostQuery('');
      setNameQuery('');
      await invalidate('frontdesk.walkIns');
      document.getElementById('walkInName')?.focus();
    },
  });

  return (
    <Card size="small" title={<h2 className="fw-card-title">{f('title')}</h2>}>
      <form
        aria-label={f('title')}
        onSubmit={(e) => {
          e.preventDefault();
          void save.submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save.submit();
          }
        }}
      >
        <Form layout="vertical" component="div">
          <Field control={form.control} name="name" label={f('name')} required>
            {(fd) => (
              <AutoComplete
                id="walkInName"
                aria-label={f('name')}
                value={fd.value}
                onBlur={fd.onBlur}
                autoFocus
                onChange={(v: string) => {
                  fd.onChange(v);
                  setNameQuery(v);
                }}
                options={suggestions.map((s) => ({
                  value: String(s.id),
                  label: (
                    <span>
                      {s.name}{' '}
                      <Typography.Text type="secondary">
                        {f('suggestion', { org: s.orgName || '—', visits: s.visits })}
                      </Typography.Text>
                    </span>
                  ),
                }))}
                onSelect={(value: string) => {
                  const s = suggestions.find((x) => String(x.id) === value);
                  if (!s) return;
                  fd.onChange(s.name);
                  form.setValue('orgName', s.orgName);
                  form.setValue('phone', s.phone);
                }}
              />
            )}
          </Field>
          <Field control={form.control} name="orgName" label={f('orgName')}>
            {(fd) => <Input {...fd} id="orgName" />}
          </Field>
          <Field control={form.control} name="phone" label={f('phone')}>
            {(fd) => <Input {...fd} id="phone" inputMode="tel" />}
          </Field>
          <Field control={form.control} name="hostUserId" label={f('host')} required>
            {(fd) => (
              <Select
                id="hostUserId"
                ref={fd.ref}
                value={fd.value ?? undefined}
                onBlur={fd.onBlur}
                onChange={(v: number | undefined) => fd.onChange(v ?? null)}
                showSearch={{ filterOption: false, onSearch: setHostQuery }}
                allowClear
                placeholder={f('hostPlaceholder')}
                notFoundContent={f('noHosts')}
                loading={hosts.isFetching}
                options={(hosts.data ?? []).map((h) => ({
                  value: h.userId,
                  label: h.departmentName
                    ? `${h.displayName} · ${h.departmentName}`
                    : h.displayName,
                }))}
              />
            )}
          </Field>
          <Field control={form.control} name="purpose" label={f('purpose')} required>
            {(fd) => <Input.TextArea {...fd} id="purpose" autoSize={{ minRows: 2, maxRows: 5 }} />}
          </Field>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.busy}>
              {f('submit')}
            </Button>
            <Typography.Text type="secondary">{f('shortcut')}</Typography.Text>
          </Space>
        </Form>
      </form>
    </Card>
  );
}
