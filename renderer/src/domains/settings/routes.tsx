import { SettingOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../lazy';
import type { DomainRoutes } from '../../routing';

const SettingsPage = lazyScreen(() => import('./SettingsPage'), 'SettingsPage');

export const settingsRoutes: DomainRoutes = {
  routes: [{ path: 'settings', element: <SettingsPage />, permission: 'settings.manage' }],
  menu: [
    {
      path: '/settings',
      labelKey: 'nav.settings',
      icon: <SettingOutlined />,
      permission: 'settings.manage',
      order: 90,
    },
  ],
};
