import { App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupView } from '../../../../shared/backups/contract';
import type { Language } from '../../../../shared/i18n/translate';
import { useErrorToast, useInvalidate, useOp, useOpMutation } from '../../api/queries';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';

/** Bytes as the list shows them: 12.3 MB, 840 KB. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Settings → 备份与恢复 (issue 13): the backups beside the database, "back up now", how many are
 * kept, and restore. A restore is verified on main before anything is replaced; the dialog says
 * what happens, and once done the page reloads, since the whole database changed under it.
 */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const session = useSignedIn();
  const tz = session.settings.timeZone;
  const language = i18n.language as Language;
  const list = useOp('backups.list', {});
  useErrorToast(list.error);
  const invalidate = useInvalidate();
  const create = useOpMutation('backups.create', { invalidates: ['backups.list'] });
  const setKeep = useOpMutation('backups.setKeep', { invalidates: ['backups.list'] });
  const restore = useOpMutation('backups.restore');
  const [keep, setKeepValue] = useState<number | null>(null);
  const [keepError, setKeepError] = useState<string | null>(null);
  // What the field shows: the saved number until the sysadmin types another.
  const keepShown = keep ?? list.data?.keep ?? null;

  const when = (ms: number) => formatInstant(ms, tz, language);
  const kindLabel = (b: BackupView) => t(`backups.kind.${b.kind}`);

  const backUpNow = async () => {
    const r = await create.mutateAsync({});
    if (r.ok) void message.success(t('backups.created', { time: when(r.value.atMs) }));
    else void message.error(r.error.message);
  };

  const saveKeep = async () => {
    setKeepError(null);
    const r = await setKeep.mutateAsync({ keep: keepShown ?? 0 });
    if (r.ok) {
      void message.success(t('backups.keepSaved', { keep: r.value.keep, pruned: r.value.pruned }));
    } else {
      setKeepError(r.error.fieldErrors?.keep ? t(r.error.fieldErrors.keep.key) : r.error.message);
    }
  };

  const confirmRestore = (b: BackupView) => {
    modal.confirm({
      title: t('backups.confirm.title'),
      content: t('backups.confirm.body', { time: when(b.atMs), kind: kindLabel(b) }),
      okText: t('backups.confirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('backups.confirm.cancel'),
      onOk: async () => {
        const r = await restore.mutateAsync({ id: b.id });
        if (!r.ok) {
          void message.error(r.error.message);
          await invalidate('backups.list');
          return;
        }
        modal.success({
          title: t('backups.restored', { time: when(r.value.restored.atMs) }),
          content:
            r.value.missingFiles > 0
              ? t('backups.restoredMissing', { count: r.value.missingFiles })
              : undefined,
          okText: t('backups.recovery.reload'),
          // Every screen's data changed at once: start again from the restored database.
          onOk: () => window.location.reload(),
        });
      },
    });
  };

  const data = list.data;
  const columns: TableColumnsType<BackupView> = [
    { title: t('backups.col.time'), dataIndex: 'atMs', render: (ms: number) => when(ms) },
    {
      title: t('backups.col.kind'),
      dataIndex: 'kind',
      render: (_: unknown, b) => (
        <Tag color={b.kind === 'replaced' || b.kind === 'damaged' ? 'orange' : undefined}>
          {kindLabel(b)}
        </Tag>
      ),
    },
    { title: t('backups.col.size'), dataIndex: 'sizeBytes', render: (n: number) => formatSize(n) },
    {
      title: t('backups.col.version'),
      dataIndex: 'schemaVersion',
      render: (v: number | null) =>
        v === null
          ? t('backups.versionUnknown')
          : data && v > data.latestVersion
            ? t('backups.versionNewer', { version: v })
            : v,
    },
    {
      title: t('backups.col.actions'),
      key: 'actions',
      render: (_: unknown, b) =>
        b.kind === 'damaged' ? null : (
          <Button
            size="small"
            onClick={() => confirmRestore(b)}
            aria-label={`${t('backups.restore')} ${when(b.atMs)}`}
          >
            {t('backups.restore')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('backups.title')}</h1>
      </div>
      <Space direction="vertical" size="middle" style={{ display: 'flex' }}>
        <Card>
          <Typography.Paragraph>{t('backups.intro')}</Typography.Paragraph>
          {data ? (
            <Typography.Paragraph type="secondary" style={{ wordBreak: 'break-all' }}>
              {t('backups.folder', { folder: data.folder })}
            </Typography.Paragraph>
          ) : null}
          <Space wrap align="start" size="large">
            <Button type="primary" loading={create.isPending} onClick={() => void backUpNow()}>
              {create.isPending ? t('backups.backingUp') : t('backups.backupNow')}
            </Button>
            <Space direction="vertical" size={4}>
              <Space>
                <label htmlFor="backups-keep">{t('backups.keep')}</label>
                <InputNumber
                  id="backups-keep"
                  precision={0}
                  value={keepShown}
                  onChange={(v) => setKeepValue(typeof v === 'number' ? v : null)}
                  status={keepError ? 'error' : undefined}
                  aria-describedby="backups-keep-hint"
                  style={{ width: 100 }}
                />
                <Button loading={setKeep.isPending} onClick={() => void saveKeep()}>
                  {t('backups.keepSave')}
                </Button>
              </Space>
              <Typography.Text
                id="backups-keep-hint"
                type={keepError ? 'danger' : 'secondary'}
                role={keepError ? 'alert' : undefined}
              >
                {keepError ?? t('backups.keepHint')}
              </Typography.Text>
            </Space>
          </Space>
        </Card>
        <Card>
          <Table<BackupView>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            columns={columns}
            dataSource={data?.backups ?? []}
            pagination={false}
            locale={{ emptyText: t('backups.empty') }}
          />
        </Card>
      </Space>
    </>
  );
}
