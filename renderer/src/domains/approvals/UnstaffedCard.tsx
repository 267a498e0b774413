import { WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnstaffedStep } from '../../../../shared/approvals';
import type { Language } from '../../../../shared/i18n/translate';
import { call } from '../../api/client';
import { useErrorToast, useOp, useOpMutation } from '../../api/queries';
import { ReasonModal } from '../../components/ReasonModal';
import { formatInstant } from '../../format';
import { useSession, useSignedIn } from '../../session/SessionContext';

type Candidate = { id: number; displayName: string };

/**
 * The administrators' "无人可审批": every pending step nobody active could act on, each with 改派
 * (reassign to an eligible person, with a reason). Issue 7, item 1.
 */
export function UnstaffedCard() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const { can } = useSession();
  const query = useOp('approvals.unstaffed', {});
  useErrorToast(query.error);
  const [target, setTarget] = useState<UnstaffedStep | null>(null);
  const rows = query.data ?? [];
  const step = (s: UnstaffedStep) => t(`labels.stepKind.${s.kind}`);
  const columns: TableColumnsType<UnstaffedStep> = [
    {
      title: t('unstaffed.request'),
      key: 'request',
      render: (_: unknown, s) => {
        const text = (
          <>
            {s.code} <bdi>{s.org}</bdi>
          </>
        );
        // The sysadmin does not read requests: the code only.
        return can('requests.readAll') ? <Link to={`/requests/${s.subjectId}`}>{text}</Link> : text;
      },
    },
    { title: t('unstaffed.step'), key: 'step', render: (_: unknown, s) => step(s) },
    {
      title: t('unstaffed.assignee'),
      key: 'assignee',
      render: (_: unknown, s) => s.assigneeName ?? t('unstaffed.pool', { step: step(s) }),
    },
    {
      title: t('unstaffed.since'),
      key: 'since',
      render: (_: unknown, s) =>
        s.sinceMs === null
          ? '—'
          : formatInstant(s.sinceMs, session.settings.timeZone, i18n.language as Language),
    },
    {
      title: '',
      key: 'actions',
      align: 'right',
      render: (_: unknown, s) => (
        <Button size="small" onClick={() => setTarget(s)}>
          {t('unstaffed.reassign')}
        </Button>
      ),
    },
  ];
  if (!query.isLoading && rows.length === 0) return null;
  return (
    <Card
      data-testid="unstaffed"
      style={{ marginTop: 16 }}
      title={
        <Typography.Text type="danger">
          <WarningOutlined /> {t('unstaffed.title')}
        </Typography.Text>
      }
    >
      <Table
        size="small"
        rowKey="stepId"
        pagination={false}
        loading={query.isLoading}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('unstaffed.empty') }}
      />
      {target && <ReassignModal target={target} onClose={() => setTarget(null)} />}
    </Card>
  );
}

function ReassignModal({ target, onClose }: { target: UnstaffedStep; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [to, setTo] = useState<number | undefined>();
  const [pickError, setPickError] = useState<string | undefined>();
  const mutation = useOpMutation('approvals.reassign', {
    invalidates: ['approvals.unstaffed', 'approvals.inbox', 'approvals.count'],
  });
  useEffect(() => {
    let live = true;
    void call('approvals.reassignees', { stepId: target.stepId }).then((r) => {
      if (live) setCandidates(r.ok ? r.value : []);
    });
    return () => {
      live = false;
    };
  }, [target.stepId]);
  const step = t(`labels.stepKind.${target.kind}`);
  return (
    <ReasonModal
      title={t('unstaffed.reassignTitle', { code: target.code, step })}
      okText={t('unstaffed.reassign')}
      label={t('unstaffed.reason')}
      inputId="reassign-reason"
      maxLength={1000}
      busy={mutation.isPending}
      onCancel={onClose}
      onSubmit={async (reason) => {
        if (to === undefined) {
          setPickError(t('validation.required'));
          return undefined;
        }
        const r = await mutation.mutateAsync({
          stepId: target.stepId,
          version: target.version,
          toUserId: to,
          reason,
        });
        if (r.ok) {
          void message.success(t('unstaffed.done'));
          onClose();
          return undefined;
        }
        void message.error(t(r.error.key, r.error.params));
        if (r.error.code === 'CONFLICT' || r.error.code === 'NOT_FOUND') {
          onClose();
          return undefined;
        }
        const field = r.error.fieldErrors?.toUserId;
        if (field) setPickError(t(field.key, field.params));
        const m = r.error.fieldErrors?.reason;
        return m ? t(m.key, m.params) : undefined;
      }}
    >
      <Form.Item
        label={t('unstaffed.to')}
        required
        validateStatus={pickError ? 'error' : undefined}
        help={pickError}
      >
        <Select
          id="reassign-to"
          showSearch={{ optionFilterProp: 'label' }}
          loading={candidates === null}
          value={to}
          notFoundContent={
            candidates === null ? undefined : t('requestViews.transfer.noCandidates')
          }
          options={(candidates ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
          onChange={(v: number) => {
            setTo(v);
            setPickError(undefined);
          }}
        />
      </Form.Item>
    </ReasonModal>
  );
}
