import { useTranslation } from 'react-i18next';
import { useErrorToast, useOp } from '../../api/queries';
import { TaskTable } from './TaskTable';

/** The tasks of one visit, on its dossier (待办事项 tab). */
export function VisitTasks({ requestId }: { requestId: number }) {
  const { t } = useTranslation();
  const query = useOp('tasks.ofRequest', { requestId });
  useErrorToast(query.error);
  return (
    <TaskTable
      tasks={query.data ?? []}
      loading={query.isPending}
      empty={t('tasks.emptyRequest')}
      showRequest={false}
    />
  );
}
