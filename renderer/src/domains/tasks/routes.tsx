import { CheckSquareOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const TasksPage = lazyScreen(() => import('./TasksPage'), 'TasksPage');

/** 我的待办: for everyone signed in (the host's own tasks, the admin office's). */
export const tasksRoutes: DomainRoutes = {
  routes: [{ path: 'tasks', element: <TasksPage /> }],
  menu: [{ path: '/tasks', labelKey: 'nav.tasks', icon: <CheckSquareOutlined />, order: 5 }],
};
