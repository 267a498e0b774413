import { FileTextOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const AllRequestsPage = lazyScreen(() => import('./AllRequestsPage'), 'AllRequestsPage');
const DossierPage = lazyScreen(() => import('./DossierPage'), 'DossierPage');
const MyRequestsPage = lazyScreen(() => import('./MyRequestsPage'), 'MyRequestsPage');
const PrintPage = lazyScreen(() => import('./PrintPage'), 'PrintPage');
const RequestFormPage = lazyScreen(() => import('./RequestFormPage'), 'RequestFormPage');

export const requestsRoutes: DomainRoutes = {
  routes: [
    { path: 'requests/mine', element: <MyRequestsPage />, permission: 'requests.create' },
    { path: 'requests/new', element: <RequestFormPage />, permission: 'requests.create' },
    { path: 'requests/:id/edit', element: <RequestFormPage />, permission: 'requests.create' },
    { path: 'requests/all', element: <AllRequestsPage />, permission: 'requests.readAll' },
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
      path: '/requests/all',
      labelKey: 'nav.allRequests',
      icon: <UnorderedListOutlined />,
      permission: 'requests.readAll',
      order: 30,
    },
  ],
};
