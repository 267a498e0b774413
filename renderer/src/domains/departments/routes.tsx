import { ApartmentOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const DepartmentsPage = lazyScreen(() => import('./DepartmentsPage'), 'DepartmentsPage');

export const departmentsRoutes: DomainRoutes = {
  routes: [{ path: 'departments', element: <DepartmentsPage />, permission: 'departments.manage' }],
  menu: [
    {
      path: '/departments',
      labelKey: 'nav.departments',
      icon: <ApartmentOutlined />,
      permission: 'departments.manage',
      order: 60,
    },
  ],
};
