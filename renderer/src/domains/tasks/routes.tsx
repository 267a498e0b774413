import { CarryOutOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { Audience, DomainRoutes } from '../../routing';

const TasksPage = lazyScreen(() => import('./TasksPage'), 'TasksPage');

/**
 * Who has tasks: hosts (their visits' calls, returns, reimbursements) and the admin office (the
 * drivers, signs, tickets of every visit). The page itself opens for anyone signed in.
 */
const taskOwners: Audience = (s) =>
  s.permissions.includes('requests.create') || s.user.roles.includes('admin_office');

/** 我的待办. */
export const tasksRoutes: DomainRoutes = {
  routes: [{ path: 'tasks', element: <TasksPage /> }],
  menu: [
    {
      path: '/tasks',
      labelKey: 'nav.tasks',
      icon: <CarryOutOutlined />,
      audience: taskOwners,
      order: 5,
    },
  ],
};
