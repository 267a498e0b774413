import {
  DeleteOutlined,
  DownloadOutlined,
  FilePdfOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Empty, Spin, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatFileSize,
  MAX_FILE_BYTES,
  sniffMime,
  type AttachmentView,
  type OwnerType,
} from '../../../../shared/attachments';
import type { Language } from '../../../../shared/i18n/translate';
import type { Message } from '../../../../shared/result';
import { call, refusalMessage } from '../../api/client';
import { useOp, useOpMutation } from '../../api/queries';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';
import { fromBase64, readBytes, saveAs, toBase64 } from './files';
import './attachments.css';

const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;
/** What the file picker offers first; only a hint: main judges every file by its content. */
const ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';

/**
 * A record's attachments (a request's 邀请函, 名片, 行程单, photos): thumbnails, name, size, who
 * uploaded them and when, a download each, and for whoever may, a drop area and removal. Files
 * are checked here for size and type before they are read out and sent (a quick answer, and no
 * 10 MB program crosses the wire), and checked again in main, which alone decides.
 */
export function AttachmentsPanel({
  ownerType,
  ownerId,
}: {
  ownerType: OwnerType;
  ownerId: number;
}) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const session = useSignedIn();
  const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const input = { ownerType, ownerId };
  const list = useOp('attachments.list', input);
  const upload = useOpMutation('attachments.upload', { invalidates: ['attachments.list'] });
  const remove = useOpMutation('attachments.remove', { invalidates: ['attachments.list'] });
  const [uploading, setUploading] = useState<string | null>(null);
  // What went wrong, and with which file: several dropped at once are sent one by one.
  const [problem, setProblem] = useState<(Message & { file?: string }) | null>(null);
  // Several files dropped at once go one after the other (each is up to 10 MB of JSON).
  const queue = useRef<Promise<void>>(Promise.resolve());

  const send = async (file: File) => {
    const fail = (m: Message) => setProblem({ ...m, file: file.name });
    if (file.size > MAX_FILE_BYTES) {
      fail({ key: 'attachments.errors.tooLarge', params: { maxMb: MAX_MB } });
      return;
    }
    setUploading(file.name);
    try {
      const bytes = await readBytes(file);
      if (bytes.length === 0) return fail({ key: 'attachments.errors.empty' });
      if (!sniffMime(bytes)) return fail({ key: 'attachments.errors.badType' });
      const result = await upload.mutateAsync({
        ownerType,
        ownerId,
        fileName: file.name,
        dataBase64: toBase64(bytes),
      });
      if (!result.ok) return fail(refusalMessage(result.error));
      // Clears only this file's earlier refusal: another file's stays in sight.
      setProblem((p) => (p?.file === file.name ? null : p));
      void message.success(t('attachments.uploaded', { name: result.value.fileName }));
    } catch {
      fail({ key: 'attachments.errors.unreadable' });
    } finally {
      setUploading(null);
    }
  };

  const [downloading, setDownloading] = useState<number | null>(null);
  const download = async (a: AttachmentView) => {
    setDownloading(a.id);
    try {
      const result = await call('attachments.download', { id: a.id });
      if (!result.ok) return setProblem({ ...refusalMessage(result.error), file: a.fileName });
      saveAs(fromBase64(result.value.dataBase64), result.value.mime, result.value.fileName);
    } catch {
      setProblem({ key: 'attachments.errors.unreadable', file: a.fileName });
    } finally {
      setDownloading(null);
    }
  };

  const confirmRemove = (a: AttachmentView) => {
    modal.confirm({
      title: t('attachments.removeTitle', { name: a.fileName }),
      content: t('attachments.removeContent'),
      okText: t('attachments.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await remove.mutateAsync({ id: a.id });
        if (!result.ok) return setProblem(refusalMessage(result.error));
        void message.success(t('attachments.removed', { name: a.fileName }));
      },
    });
  };

  if (list.isPending) {
    return (
      <div className="att-loading">
        <Spin />
      </div>
    );
  }
  if (list.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t(list.error.key, list.error.params)}
        action={
          <Button size="small" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const { items, canAttach, max } = list.data;
  const full = items.length >= max;

  return (
    <section className="att-panel" aria-label={t('attachments.title')} data-testid="attachments">
      <div className="att-head">
        <span className="rv-muted">{t('attachments.hint', { maxMb: MAX_MB, max })}</span>
        <span className="att-count">{t('attachments.count', { count: items.length, max })}</span>
      </div>
      {problem && (
        <Alert
          type="error"
          showIcon
          closable={{ 'aria-label': t('common.close') }}
          className="att-problem"
          data-testid="attachment-problem"
          title={
            problem.file
              ? t('attachments.fileProblem', {
                  name: problem.file,
                  problem: t(problem.key, problem.params),
                })
              : t(problem.key, problem.params)
          }
          onClose={() => setProblem(null)}
        />
      )}
      {canAttach && (
        <Upload.Dragger
          accept={ACCEPT}
          multiple
          showUploadList={false}
          disabled={full}
          beforeUpload={(file) => {
            queue.current = queue.current.then(() => send(file));
            return false;
          }}
        >
          {uploading ? (
            <div className="att-drop" role="status">
              <Spin size="small" /> {t('attachments.uploading', { name: uploading })}
            </div>
          ) : (
            <div className="att-drop">
              <InboxOutlined className="att-drop-icon" />
              <span>{full ? t('attachments.errors.tooMany', { max }) : t('attachments.drop')}</span>
            </div>
          )}
        </Upload.Dragger>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
      ) : (
        <ul className="att-grid" aria-label={t('attachments.list')}>
          {items.map((a) => (
            <li key={a.id} className="att-tile" data-testid={`attachment-${a.id}`}>
              <div className="att-thumb">
                {a.thumbDataUrl ? (
                  <img src={a.thumbDataUrl} alt={a.fileName} />
                ) : (
                  <FilePdfOutlined
                    className="att-pdf"
                    role="img"
                    aria-label={t('attachments.pdf')}
                  />
                )}
              </div>
              <div className="att-name" title={a.fileName}>
                {a.fileName}
              </div>
              <div className="att-meta">
                {formatFileSize(a.sizeBytes)}
                {a.width !== null && a.height !== null ? ` · ${a.width} × ${a.height}` : ''}
              </div>
              <div className="att-meta">
                {t('attachments.uploadedBy', { name: a.uploadedByName })}
              </div>
              <div className="att-meta">
                {formatInstant(a.uploadedAtMs, session.settings.timeZone, language)}
              </div>
              <div className="att-actions">
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={t('attachments.downloadNamed', { name: a.fileName })}
                  loading={downloading === a.id}
                  onClick={() => void download(a)}
                >
                  {t('attachments.download')}
                </Button>
                {a.canRemove && (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('attachments.removeNamed', { name: a.fileName })}
                    onClick={() => confirmRemove(a)}
                  >
                    {t('attachments.remove')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The tab's title with the number of files, once they are known (the same cached read). */
export function AttachmentsTabLabel({
  ownerType,
  ownerId,
}: {
  ownerType: OwnerType;
  ownerId: number;
}) {
  const { t } = useTranslation();
  const list = useOp('attachments.list', { ownerType, ownerId });
  const n = list.data?.items.length;
  return <span>{n ? `${t('attachments.title')} (${n})` : t('attachments.title')}</span>;
}
