import { HomeOutlined } from '@ant-design/icons';
import type { DomainRoutes } from '../../routing';
import { HomePage } from './HomePage';

export const homeRoutes: DomainRoutes = {
  routes: [{ path: '/', element: <HomePage /> }],
  menu: [{ path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, order: 0 }],
};
