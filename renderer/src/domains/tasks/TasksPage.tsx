import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorToast, useInfiniteOp } from '../../api/queries';
import { TaskTable } from './TaskTable';

/** Rows per page; more come with 加载更多. */
const PAGE_SIZE = 50;

function TaskList({ done }: { done: boolean }) {
  const { t } = useTranslation();
  const list = useInfiniteOp('tasks.mine', { done, limit: PAGE_SIZE });
  useErrorToast(list.query.error);
  const more = list.query.hasNextPage;
  return (
    <TaskTable
      tasks={list.items}
      loading={list.query.isPending}
      empty={t(done ? 'tasks.emptyDone' : 'tasks.emptyOpen')}
      footer={
        more ? (
          <Button onClick={list.loadMore} loading={list.query.isFetchingNextPage}>
            {t('tasks.loadMore')}
          </Button>
        ) : undefined
      }
    />
  );
}

/**
 * 我的待办: the reader's tasks and his role's (the admin office's), by due time, overdue ones in
 * red; beside them what he ticked off in the last week.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('open');
  return (
    <>
      <div className="page-header">
        <h1>{t('tasks.title')}</h1>
      </div>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'open', label: t('tasks.open'), children: <TaskList done={false} /> },
            { key: 'done', label: t('tasks.done'), children: <TaskList done /> },
          ]}
        />
      </Card>
    </>
  );
}
