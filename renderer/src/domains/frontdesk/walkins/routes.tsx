import { UserAddOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const WalkInsPage = lazyScreen(() => import('./WalkInsPage'), 'WalkInsPage');
const WalkInAnswerPage = lazyScreen(() => import('./WalkInAnswerPage'), 'WalkInAnswerPage');

/** 未预约访客: the desk registers and checks in; the host answers from his notification. */
export const walkInRoutes: DomainRoutes = {
  routes: [
    { path: 'frontdesk/walk-ins', element: <WalkInsPage />, permission: 'frontdesk.desk' },
    // Anyone signed in may be a host: the server answers "not found" to anyone else.
    { path: 'walk-ins/:id', element: <WalkInAnswerPage /> },
  ],
  bareRoutes: [],
  menu: [
    {
      path: '/frontdesk/walk-ins',
      labelKey: 'frontdeskWalkIn.nav',
      icon: <UserAddOutlined />,
      permission: 'frontdesk.desk',
      // Right after 今日访客 (30.5): the desk's two screens side by side.
      order: 30.6,
    },
  ],
};
