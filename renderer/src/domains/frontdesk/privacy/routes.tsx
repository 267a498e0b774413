import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyScreen } from '../../../lazy';
import type { DomainRoutes } from '../../../routing';

const PrivacyPage = lazyScreen(() => import('./PrivacyPage'), 'PrivacyPage');

/** 访客个人信息保护: the check-in notice and the retention period, beside the other settings. */
export const privacyRoutes: DomainRoutes = {
  routes: [
    { path: 'frontdesk/privacy', element: <PrivacyPage />, permission: 'frontdesk.configure' },
  ],
  bareRoutes: [],
  menu: [
    {
      path: '/frontdesk/privacy',
      labelKey: 'frontdeskPrivacy.nav',
      icon: <SafetyCertificateOutlined />,
      permission: 'frontdesk.configure',
      // Between 审批政策 (80) and 系统设置 (90).
      order: 85,
    },
  ],
};
