import { SettingOutlined } from '@ant-design/icons';
import type { DomainRoutes } from '../../routing';
import { SettingsPage } from './SettingsPage';

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
