import { ApartmentOutlined, FileTextOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { mayList } from '../../../../shared/requests/rights';
import { lazyScreen } from '../../lazy';
import type { Audience, DomainRoutes } from '../../routing';

const AllRequestsPage = lazyScreen(() => import('./AllRequestsPage'), 'AllRequestsPage');
const DepartmentRequestsPage = lazyScreen(
  () => import('./AllRequestsPage'),
  'DepartmentRequestsPage',
);
const DossierPage = lazyScreen(() => import('./DossierPage'), 'DossierPage');
const MyRequestsPage = lazyScreen(() => import('./MyRequestsPage'), 'MyRequestsPage');
const PrintPage = lazyScreen(() => import('./PrintPage'), 'PrintPage');
const RequestFormPage = lazyScreen(() => import('./RequestFormPage'), 'RequestFormPage');

/** 本部门接待: whoever heads a department (as of sign-in; the list itself asks afresh). */
const heads: Audience = (s) =>
  mayList('department', {
    readAll: s.permissions.includes('requests.readAll'),
    headOf: s.headOf,
  });

export const requestsRoutes: DomainRoutes = {
  routes: [
    { path: 'requests/mine', element: <MyRequestsPage />, permission: 'requests.create' },
    { path: 'requests/new', element: <RequestFormPage />, permission: 'requests.create' },
    { path: 'requests/:id/edit', element: <RequestFormPage />, permission: 'requests.create' },
    { path: 'requests/all', element: <AllRequestsPage />, permission: 'requests.readAll' },
    { path: 'requests/department', element: <DepartmentRequestsPage />, audience: heads },
    { path: 'requests/:id', element: <DossierPage /> },
  ],
  // The printable 接待申请单: no sidebar, A4 print CSS.
  bareRoutes: [{ path: 'requests/:id/print', element: <PrintPage /> }],
  menu: [
    {
      path: '/requests/mine',
      labelKey: 'nav.myRequests',
      icon: <FileTextOutlined />,
      permission: 'requests.create',
      order: 10,
    },
    {
      path: '/requests/department',
      labelKey: 'nav.departmentRequests',
      icon: <ApartmentOutlined />,
      audience: heads,
      // After the approvals (待我审批, 已处理: 20, 21), before 全部接待.
      order: 25,
    },
    {
      path: '/requests/all',
      labelKey: 'nav.allRequests',
      icon: <UnorderedListOutlined />,
      permission: 'requests.readAll',
      order: 30,
    },
  ],
};
