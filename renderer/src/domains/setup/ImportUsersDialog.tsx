import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/i18n/translate';
import type { Message } from '../../../../shared/result';
import {
  MAX_IMPORT_FILE_BYTES,
  type CheckedRow,
  type ImportIssue,
  type ImportCounts,
  type ImportPreview,
} from '../../../../shared/setup';
import { call, newIdempotencyKey, refusalMessage } from '../../api/client';
import { useInvalidate } from '../../api/queries';
import { useReturnFocus } from '../../components/useReturnFocus';
import { fileBase64, makePassword, saveBase64 } from './files';

const MAX_KB = MAX_IMPORT_FILE_BYTES / 1024;

type Made = { login: string; displayName: string; password: string }[];

interface Picked {
  fileName: string;
  preview: ImportPreview;
  /**
   * What importing it sends, made once per preview: the rows with blank passwords made up, and
   * the call's idempotency key. A retry after a lost answer then sends the very same call and
   * gets the first answer back, with the passwords already shown (new ones would be refused as
   * "login taken", and the first ones lost).
   */
  rows: ImportPreview['rows'];
  made: Made;
  key: string;
}

interface Imported {
  counts: ImportCounts;
  /** The passwords made up for rows that had none: shown once. */
  made: Made;
  /** Whether they were downloaded (closing before asks first). */
  saved: boolean;
}

/** A preview with what importing it will send: blank passwords made up, and one key. */
function prepared(fileName: string, preview: ImportPreview): Picked {
  const made: Made = [];
  const rows = preview.rows.map((row, i) => {
    if (row.password !== '') return row;
    const checked = preview.check.rows[i]!;
    const password = makePassword();
    made.push({ login: checked.login, displayName: checked.displayName, password });
    return { ...row, password };
  });
  return { fileName, preview, rows, made, key: newIdempotencyKey() };
}

/**
 * 导入: people and departments from a sheet. Pick a file, read the preview (each row's values and
 * errors; nothing saved), confirm to import it all in one go. Blank passwords are made up here and
 * shown once, with a sheet to download.
 */
export function ImportUsersDialog({ onClose }: { onClose: (changed: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  useReturnFocus();
  const invalidate = useInvalidate();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);
  const [errorsOnly, setErrorsOnly] = useState(false);

  const template = async () => {
    const r = await call('setup.importTemplate', { language });
    if (r.ok) saveBase64(r.value.fileName, r.value.data);
    else setError(refusalMessage(r.error));
  };

  const read = async (file: File) => {
    setError(null);
    setPicked(null);
    setErrorsOnly(false);
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setError({ key: 'setup.errors.fileTooBig', params: { max: MAX_KB } });
      return;
    }
    setBusy(true);
    try {
      const r = await call('setup.importPreview', {
        fileName: file.name,
        data: await fileBase64(file),
      });
      if (r.ok) setPicked(prepared(file.name, r.value));
      else setError(refusalMessage(r.error));
    } catch {
      // The browser could not read it (gone, no permission): as main would say of bad bytes.
      setError({ key: 'setup.errors.fileUnreadable' });
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!picked || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call(
        'setup.import',
        { fileName: picked.fileName, rows: picked.rows },
        { idempotencyKey: picked.key },
      );
      if (r.ok) {
        setImported({ counts: r.value, made: picked.made, saved: false });
        void invalidate('users.list', 'departments.list', 'setup.checklist');
      } else setError(refusalMessage(r.error));
    } finally {
      setBusy(false);
    }
  };

  const downloadPasswords = async () => {
    if (!imported) return;
    const r = await call('setup.passwordSheet', { language, rows: imported.made });
    if (r.ok) {
      saveBase64(r.value.fileName, r.value.data);
      setImported({ ...imported, saved: true });
    } else setError(refusalMessage(r.error));
  };

  const errorAlert = error && (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="import-error"
      style={{ marginBottom: 12 }}
      title={t(error.key, error.params)}
    />
  );

  if (imported) {
    // The passwords are shown only here: closing before they were downloaded asks first.
    const close = () => {
      if (imported.saved || imported.made.length === 0) return onClose(true);
      modal.confirm({
        title: t('setup.import.closeUnsavedTitle'),
        content: t('setup.import.closeUnsavedContent'),
        okText: t('setup.import.close'),
        cancelText: t('common.cancel'),
        onOk: () => onClose(true),
      });
    };
    return (
      <Modal
        open
        // A stray click beside the dialog must not lose the passwords shown only here.
        maskClosable={false}
        width={720}
        title={t('setup.import.title')}
        onCancel={close}
        footer={
          <Button type="primary" onClick={close}>
            {t('setup.import.close')}
          </Button>
        }
      >
        {errorAlert}
        <Alert
          type="success"
          showIcon
          data-testid="import-done"
          style={{ marginBottom: 16 }}
          title={t('setup.import.done', {
            users: imported.counts.users,
            departments: imported.counts.newDepartments,
          })}
        />
        {imported.made.length > 0 && (
          <>
            <Typography.Title level={5}>{t('setup.import.passwordsTitle')}</Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('setup.import.passwordsIntro')}
            </Typography.Paragraph>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadPasswords()}
              style={{ marginBottom: 12 }}
            >
              {t('setup.import.downloadPasswords')}
            </Button>
            <Table
              size="small"
              rowKey="login"
              data-testid="import-passwords"
              dataSource={imported.made}
              pagination={false}
              scroll={{ y: 300 }}
              columns={[
                { title: t('users.login'), dataIndex: 'login' },
                { title: t('users.displayName'), dataIndex: 'displayName' },
                {
                  title: t('setup.import.password'),
                  dataIndex: 'password',
                  render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
                },
              ]}
            />
          </>
        )}
      </Modal>
    );
  }

  const check = picked?.preview.check;
  const counts = check?.counts;
  const blocked = !counts || counts.errorRows > 0;
  return (
    <Modal
      open
      maskClosable={false}
      // While importing, the dialog stays: its answer holds the passwords to show.
      keyboard={!busy}
      closable={!busy}
      cancelButtonProps={{ disabled: busy }}
      width={1080}
      title={t('setup.import.title')}
      onCancel={() => {
        if (!busy) onClose(false);
      }}
      okText={counts ? t('setup.import.confirm', { count: counts.users }) : t('common.save')}
      okButtonProps={{ disabled: blocked, loading: busy && Boolean(picked) }}
      onOk={() => void confirm()}
    >
      <Typography.Paragraph type="secondary">{t('setup.import.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button icon={<DownloadOutlined />} onClick={() => void template()}>
          {t('setup.import.template')}
        </Button>
        <Button
          type={picked ? 'default' : 'primary'}
          icon={<UploadOutlined />}
          loading={busy && !picked}
          onClick={() => input.current?.click()}
        >
          {t('setup.import.pick')}
        </Button>
        <Typography.Text type="secondary">
          {picked ? picked.fileName : t('setup.import.fileHint', { size: MAX_KB })}
        </Typography.Text>
      </Space>
      <input
        ref={input}
        type="file"
        className="setup-import-file"
        data-testid="import-file"
        aria-label={t('setup.import.pick')}
        tabIndex={-1}
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // The same file picked again (after fixing it in Excel) must be read again.
          e.target.value = '';
          if (file) void read(file);
        }}
      />
      {errorAlert}
      {check && counts && (
        <>
          <Alert
            className="setup-import-counts"
            type={counts.errorRows > 0 ? 'warning' : 'info'}
            showIcon
            data-testid="import-counts"
            title={t('setup.import.counts', {
              users: counts.users,
              departments: counts.newDepartments,
              heads: counts.heads,
              errors: counts.errorRows,
            })}
            description={counts.errorRows > 0 ? t('setup.import.fixAndRetry') : undefined}
            action={
              counts.errorRows > 0 ? (
                <Space>
                  <Switch
                    size="small"
                    checked={errorsOnly}
                    onChange={setErrorsOnly}
                    aria-label={t('setup.import.filterErrors')}
                  />
                  <span aria-hidden>{t('setup.import.filterErrors')}</span>
                </Space>
              ) : undefined
            }
          />
          <PreviewTable
            rows={errorsOnly ? check.rows.filter((r) => r.errors.length > 0) : check.rows}
          />
        </>
      )}
    </Modal>
  );
}

function PreviewTable({ rows }: { rows: CheckedRow[] }) {
  const { t } = useTranslation();
  /** "角色：没有“老板”这个角色"; a message that names its column already is shown as it is. */
  const issueText = (e: ImportIssue) => {
    const label = t(`setup.sheet.${e.column}`);
    const value = t(e.key, e.params);
    return value.startsWith(label) ? value : t('audit.line', { label, value });
  };
  const columns: TableColumnsType<CheckedRow> = [
    { title: t('setup.import.line'), dataIndex: 'line', width: 60 },
    { title: t('users.login'), dataIndex: 'login', width: 130 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 110 },
    {
      title: t('users.department'),
      key: 'department',
      width: 150,
      render: (_, r) =>
        r.department === null ? (
          '—'
        ) : (
          <Space size={4} wrap>
            <bdi>{r.department}</bdi>
            {r.newDepartment && <Tag color="blue">{t('setup.import.newDepartment')}</Tag>}
            {r.head && <Tag color="gold">{t('setup.import.head')}</Tag>}
          </Space>
        ),
    },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, r) => (
        <Space size={[0, 4]} wrap>
          {r.roles.map((role) => (
            <Tag key={role}>{t(`roles.${role}`)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('setup.import.password'),
      key: 'password',
      width: 140,
      render: (_, r) =>
        r.passwordGiven ? t('setup.import.passwordGiven') : t('setup.import.passwordGenerated'),
    },
    {
      title: t('setup.import.status'),
      key: 'status',
      width: 300,
      render: (_, r) =>
        r.errors.length === 0 ? (
          <Tag color="green">{t('setup.import.ok')}</Tag>
        ) : (
          <ul className="setup-import-errors" data-testid="row-errors">
            {r.errors.map((e, i) => (
              <li key={i}>{issueText(e)}</li>
            ))}
          </ul>
        ),
    },
  ];
  return (
    <Table<CheckedRow>
      className="setup-import-table"
      data-testid="import-preview"
      size="small"
      rowKey="line"
      columns={columns}
      dataSource={rows}
      rowClassName={(r) => (r.errors.length > 0 ? 'row-error' : '')}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ y: 360 }}
    />
  );
}
