import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignedIn } from '../session/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from '../domains/notifications/NotificationBell';
import { DOMAIN_ROUTES } from '../domains';
import { useAllowed } from '../routing';
import { selectedNavPath } from './navSelection';

/**
 * The sidebar, collected from the domains: each item shows only to roles that hold its permission
 * (and to its audience, if it has one).
 */
export const NAV = DOMAIN_ROUTES.flatMap((d) => d.menu).sort((a, b) => a.order - b.order);

export function AppLayout() {
  const { t } = useTranslation();
  const { signOut, lock } = useSession();
  const allowed = useAllowed();
  const session = useSignedIn();
  const navigate = useNavigate();
  const location = useLocation();
  // Below antd's lg breakpoint the sidebar narrows to its icons (see Layout.Sider).
  const [narrow, setNarrow] = useState(false);

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

  const items: MenuProps['items'] = NAV.filter(allowed).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: n.badge ? (
      <span className="nav-with-badge">
        {t(n.labelKey)}
        {n.badge()}
      </span>
    ) : (
      t(n.labelKey)
    ),
  }));

  const userMenu: MenuProps['items'] = [
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { key: 'lock', icon: <LockOutlined />, label: t('nav.lock'), extra: 'Ctrl+Shift+L' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
  ];

  const selected = selectedNavPath(NAV, location.pathname);

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider
        width={200}
        breakpoint="lg"
        collapsedWidth={56}
        theme="dark"
        onBreakpoint={setNarrow}
      >
        <div
          className={narrow ? 'app-brand app-brand-short' : 'app-brand'}
          title={session.settings.companyName}
        >
          {narrow ? t('app.shortName') : t('app.name')}
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
        {/* antd's Content is the page's one <main> landmark. */}
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
