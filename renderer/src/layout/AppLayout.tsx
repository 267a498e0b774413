import {
  CheckSquareOutlined,
  FileTextOutlined,
  SafetyCertificateOutlined,
  SwapOutlined,
  UnorderedListOutlined,
  AuditOutlined,
  HomeOutlined,
  LockOutlined,
  LogoutOutlined,
  SettingOutlined,
  TeamOutlined,
  ApartmentOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Avatar, Badge, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../../shared/auth/roles';
import { useSession, useSignedIn } from '../session/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../domains/notifications/NotificationBell';
import { useApprovalCount } from '../domains/approvals/useApprovalCount';

interface NavItem {
  path: string;
  labelKey: string;
  icon: React.ReactNode;
  permission?: Permission;
}

/** The sidebar: each item shows only to roles that hold its permission. */
export const NAV: NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined /> },
  {
    path: '/requests/mine',
    labelKey: 'nav.myRequests',
    icon: <FileTextOutlined />,
    permission: 'requests.create',
  },
  {
    path: '/approvals',
    labelKey: 'nav.approvals',
    icon: <CheckSquareOutlined />,
    permission: 'approvals.decide',
  },
  {
    path: '/requests/all',
    labelKey: 'nav.allRequests',
    icon: <UnorderedListOutlined />,
    permission: 'requests.readAll',
  },
  {
    path: '/delegations',
    labelKey: 'nav.delegations',
    icon: <SwapOutlined />,
    permission: 'approvals.decide',
  },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, permission: 'users.manage' },
  {
    path: '/departments',
    labelKey: 'nav.departments',
    icon: <ApartmentOutlined />,
    permission: 'departments.manage',
  },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  {
    path: '/policy',
    labelKey: 'nav.policy',
    icon: <SafetyCertificateOutlined />,
    permission: 'policy.manage',
  },
  {
    path: '/settings',
    labelKey: 'nav.settings',
    icon: <SettingOutlined />,
    permission: 'settings.manage',
  },
];

export function AppLayout() {
  const { t } = useTranslation();
  const { can, signOut, lock } = useSession();
  const session = useSignedIn();
  const navigate = useNavigate();
  const location = useLocation();

  // Ctrl+Shift+L locks the shared screen before the clerk steps away.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);

  const approvalCount = useApprovalCount(can('approvals.decide'), session.user.id);
  const items: MenuProps['items'] = NAV.filter((n) => !n.permission || can(n.permission)).map(
    (n) => ({
      key: n.path,
      icon: n.icon,
      label:
        n.path === '/approvals' && approvalCount > 0 ? (
          <span className="nav-with-badge">
            {t(n.labelKey)}
            <Badge count={approvalCount} size="small" data-testid="approval-count" />
          </span>
        ) : (
          t(n.labelKey)
        ),
    }),
  );

  const userMenu: MenuProps['items'] = [
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { key: 'lock', icon: <LockOutlined />, label: t('nav.lock'), extra: 'Ctrl+Shift+L' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
  ];

  // Home only on "/" itself: pages outside the menu (My account) highlight nothing.
  const selected = NAV.find((n) =>
    n.path === '/' ? location.pathname === '/' : location.pathname.startsWith(n.path),
  )?.path;

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider width={200} breakpoint="lg" collapsedWidth={56} theme="dark">
        <div className="app-brand" title={session.settings.companyName}>
          {t('app.name')}
        </div>
        <nav aria-label={t('app.name')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items}
            onClick={({ key }) => void navigate(key)}
            data-testid="sidebar"
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #e5e7eb',
          }}
        >
          <Typography.Text strong ellipsis>
            {session.settings.companyName || t('app.name')}
          </Typography.Text>
          <Space size="middle">
            <LanguageSwitch />
            <NotificationBell />
            <Dropdown
              trigger={['click']}
              menu={{
                items: userMenu,
                onClick: ({ key }) => {
                  if (key === 'account') void navigate('/account');
                  if (key === 'lock') void lock();
                  if (key === 'logout') void signOut();
                },
              }}
            >
              <Button type="text" data-testid="user-menu">
                <Space>
                  <Avatar size="small" icon={<UserOutlined />} />
                  {session.user.displayName}
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        {session.settings.demo && <Alert type="warning" banner title={t('app.demoBanner')} />}
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
