import { App, Button, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Language } from '../../../../shared/i18n/translate';
import { isOverdue, type TaskView } from '../../../../shared/tasks';
import { useOpMutation } from '../../api/queries';
import { useNow } from '../../components/useNow';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';
import './tasks.css';

/** The state of a task as a tag: overdue (red), done, void; nothing for one still to come. */
function StateTag({ task, nowMs }: { task: TaskView; nowMs: number }) {
  const { t } = useTranslation();
  if (task.voidedAtMs !== null) return <Tag>{t('tasks.voided')}</Tag>;
  if (task.doneAtMs !== null) return <Tag color="success">{t('tasks.doneTag')}</Tag>;
  if (isOverdue(task, nowMs)) {
    return (
      <Tag color="error" data-testid="task-overdue">
        {t('tasks.overdue')}
      </Tag>
    );
  }
  return <Tag color="processing">{t('tasks.dueSoon')}</Tag>;
}

/** 完成 / 重新打开, for whoever may act on the task. */
function TaskAction({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidates = ['tasks.mine', 'tasks.ofRequest'] as const;
  const complete = useOpMutation('tasks.complete', { invalidates });
  const reopen = useOpMutation('tasks.reopen', { invalidates });
  if (!task.canAct || task.voidedAtMs !== null) return null;
  const name = t(`tasks.kind.${task.kind}`);
  const run = async (which: typeof complete, doneKey: string) => {
    const r = await which.mutateAsync({ id: task.id });
    if (r.ok) void message.success(t(doneKey, { task: name }));
    else void message.error(t(r.error.key, r.error.params));
  };
  return task.doneAtMs === null ? (
    <Button
      size="small"
      type="primary"
      loading={complete.isPending}
      aria-label={`${t('tasks.complete')} ${name}`}
      onClick={() => void run(complete, 'tasks.completed')}
    >
      {t('tasks.complete')}
    </Button>
  ) : (
    <Button
      size="small"
      loading={reopen.isPending}
      aria-label={`${t('tasks.reopen')} ${name}`}
      onClick={() => void run(reopen, 'tasks.reopened')}
    >
      {t('tasks.reopen')}
    </Button>
  );
}

/**
 * Tasks in a table: what, for which visit (a link to its dossier; left out on the dossier
 * itself), whose, due when (company time zone), its state — overdue in red, by the time now,
 * which moves on a page left open — and the button to tick it off or reopen it.
 */
export function TaskTable({
  tasks,
  loading,
  empty,
  showRequest = true,
  footer,
}: {
  tasks: TaskView[];
  loading: boolean;
  empty: string;
  showRequest?: boolean;
  footer?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : ('zh-CN' as Language);
  const tz = useSignedIn().settings.timeZone;
  const nowMs = useNow(30_000);
  const columns = useMemo((): TableColumnsType<TaskView> => {
    const cols: TableColumnsType<TaskView> = [
      {
        title: t('tasks.column.task'),
        key: 'task',
        render: (_, task) => (
          <>
            <div className="task-name">{t(`tasks.kind.${task.kind}`)}</div>
            <Typography.Text type="secondary" className="task-hint">
              {t(`tasks.hint.${task.kind}`)}
            </Typography.Text>
          </>
        ),
      },
    ];
    if (showRequest) {
      cols.push({
        title: t('tasks.column.request'),
        key: 'request',
        width: 260,
        render: (_, task) => (
          <>
            <Link to={`/requests/${task.requestId}`}>{task.requestCode}</Link>
            <div>{task.orgName}</div>
          </>
        ),
      });
    }
    cols.push(
      {
        title: t('tasks.column.owner'),
        key: 'owner',
        width: 170,
        render: (_, task) =>
          task.ownerName ??
          (task.ownerRole ? t('tasks.anyOf', { role: t(`roles.${task.ownerRole}`) }) : ''),
      },
      {
        title: t('tasks.column.due'),
        key: 'due',
        width: 170,
        render: (_, task) => (
          <>
            <div>{formatInstant(task.dueAtMs, tz, language)}</div>
            {task.doneAtMs !== null && (
              <Typography.Text type="secondary" className="task-hint">
                {t('tasks.doneBy', {
                  name: task.doneByName ?? '',
                  time: formatInstant(task.doneAtMs, tz, language),
                })}
              </Typography.Text>
            )}
          </>
        ),
      },
      {
        title: t('tasks.column.state'),
        key: 'state',
        width: 100,
        render: (_, task) => <StateTag task={task} nowMs={nowMs} />,
      },
      {
        title: t('tasks.column.actions'),
        key: 'actions',
        width: 120,
        render: (_, task) => <TaskAction task={task} />,
      },
    );
    return cols;
  }, [t, tz, language, nowMs, showRequest]);
  return (
    <Table<TaskView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={false}
      rowClassName={(task) => (isOverdue(task, nowMs) ? 'task-row-overdue' : '')}
      locale={{ emptyText: loading ? <span /> : empty }}
      footer={footer ? () => footer : undefined}
    />
  );
}
