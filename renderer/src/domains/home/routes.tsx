import { HomeOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const HomePage = lazyScreen(() => import('./HomePage'), 'HomePage');

export const homeRoutes: DomainRoutes = {
  routes: [{ path: '/', element: <HomePage /> }],
  menu: [{ path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, order: 0 }],
};
