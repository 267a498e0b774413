import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Progress, type MenuProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload, OpInput } from '../../../../shared/contract/operations';
import type { ExportFormat } from '../../../../shared/exports';
import { call, subscribe } from '../../api/client';

type Progress = EventPayload<'exports.progress'>;
/** What a list shows, as `exports.start` takes it. */
export type ExportFilterInput = OpInput<'exports.start'>['filter'];

/** Hands bytes to the browser as a download under `fileName` (a Blob and a temporary link). */
export function saveBytes(dataBase64: string, mime: string, fileName: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** How often the file is asked for when no progress event came (a dropped event stream). */
const POLL_MS = 3_000;

interface Running {
  jobId: string | null;
  fileName: string;
  done: number;
  total: number | null;
  status: 'starting' | 'running' | 'downloading';
}

/**
 * 导出: writes what the list shows (`filter`) as XLSX or CSV on main, with a progress bar fed by
 * `exports.progress`, then fetches the file and saves it. Errors are toasts; closing the dialog
 * only stops watching. `filter` null: nothing to export yet (the button is disabled).
 */
export function ExportButton({ filter }: { filter: ExportFilterInput | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [running, setRunning] = useState<Running | null>(null);
  /** The job being watched; events of other jobs (or of one closed) are ignored. */
  const watched = useRef<{ jobId: string | null; early: Progress[]; finished: boolean } | null>(
    null,
  );
  const stopRef = useRef<(() => void) | null>(null);

  const stop = useCallback(() => {
    stopRef.current?.();
    stopRef.current = null;
    watched.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const fetchFile = useCallback(
    async (jobId: string) => {
      const w = watched.current;
      if (!w || w.jobId !== jobId || w.finished) return;
      w.finished = true;
      setRunning((r) => (r ? { ...r, status: 'downloading' } : r));
      const r = await call('exports.download', { jobId });
      if (watched.current !== w) return;
      stop();
      setRunning(null);
      if (!r.ok) {
        void message.error(r.error.message);
        return;
      }
      saveBytes(r.value.dataBase64, r.value.mime, r.value.fileName);
      void message.success(t('exports.progress.saved', { fileName: r.value.fileName }));
    },
    [message, stop, t],
  );

  const onProgress = useCallback(
    (p: Progress) => {
      const w = watched.current;
      if (!w) return;
      if (w.jobId === null) {
        w.early.push(p);
        return;
      }
      if (p.jobId !== w.jobId || w.finished) return;
      if (p.status === 'failed') {
        stop();
        setRunning(null);
        void message.error(t(p.error?.key ?? 'exports.errors.failed', p.error?.params));
        return;
      }
      setRunning((r) => (r ? { ...r, done: p.done, total: p.total ?? r.total } : r));
      if (p.status === 'done') void fetchFile(p.jobId);
    },
    [fetchFile, message, stop, t],
  );

  const start = useCallback(
    async (format: ExportFormat) => {
      if (!filter || running) return;
      stop();
      const w = { jobId: null as string | null, early: [] as Progress[], finished: false };
      watched.current = w;
      // Listening before the call: the job may report before its answer arrives.
      const unsubscribe = subscribe('exports.progress', onProgress);
      const poll = setInterval(() => {
        if (w.jobId && !w.finished) {
          void call('exports.download', { jobId: w.jobId }).then((r) => {
            if (watched.current !== w || w.finished) return;
            if (r.ok) {
              w.finished = true;
              stop();
              setRunning(null);
              saveBytes(r.value.dataBase64, r.value.mime, r.value.fileName);
              void message.success(t('exports.progress.saved', { fileName: r.value.fileName }));
            } else if (r.error.code !== 'CONFLICT' || r.error.key !== 'exports.errors.notReady') {
              stop();
              setRunning(null);
              void message.error(r.error.message);
            }
          });
        }
      }, POLL_MS);
      stopRef.current = () => {
        unsubscribe();
        clearInterval(poll);
      };
      setRunning({ jobId: null, fileName: '', done: 0, total: null, status: 'starting' });
      const r = await call('exports.start', { format, filter });
      if (watched.current !== w) return;
      if (!r.ok) {
        stop();
        setRunning(null);
        void message.error(r.error.message);
        return;
      }
      w.jobId = r.value.jobId;
      setRunning({
        jobId: r.value.jobId,
        fileName: r.value.fileName,
        done: 0,
        total: r.value.total,
        status: 'running',
      });
      for (const p of w.early.splice(0)) onProgress(p);
    },
    [filter, running, stop, onProgress, message, t],
  );

  const items: MenuProps['items'] = [
    { key: 'xlsx', label: t('exports.format.xlsx') },
    { key: 'csv', label: t('exports.format.csv') },
  ];
  const percent =
    running?.status === 'downloading'
      ? 100
      : running?.total
        ? Math.min(99, Math.floor((running.done / running.total) * 100))
        : 0;
  const text = !running
    ? ''
    : running.status === 'starting'
      ? t('exports.progress.starting')
      : running.status === 'downloading'
        ? t('exports.progress.downloading')
        : running.total === null
          ? t('exports.progress.runningUnknown', { done: running.done })
          : t('exports.progress.running', { done: running.done, total: running.total });

  return (
    <>
      <Dropdown
        disabled={!filter || running !== null}
        trigger={['click']}
        menu={{ items, onClick: ({ key }) => void start(key as ExportFormat) }}
      >
        <Button icon={<DownloadOutlined />} data-testid="export-button">
          {t('exports.button')}
        </Button>
      </Dropdown>
      <Modal
        open={running !== null}
        title={t('exports.progress.title')}
        footer={null}
        onCancel={() => {
          stop();
          setRunning(null);
        }}
        destroyOnHidden
      >
        {running?.fileName && <p>{running.fileName}</p>}
        <Progress
          percent={percent}
          status="active"
          aria-label={t('exports.progress.title')}
          data-testid="export-progress"
        />
        <p aria-live="polite">{text}</p>
      </Modal>
    </>
  );
}
