import { ApartmentOutlined } from '@ant-design/icons';
import type { DomainRoutes } from '../../routing';
import { DepartmentsPage } from './DepartmentsPage';

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
