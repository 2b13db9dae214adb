import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Result } from 'antd';
import { useState } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { fetchMe } from '../api/session.ts';
import { useAuth, useMe } from '../auth/auth-context.ts';
import { ChangePasswordModal } from './change-password-modal.tsx';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { DemoBanner } from './demo-banner.tsx';
import { InboxBell } from './inbox-bell.tsx';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';

/** Until an initial or reset password is changed the server refuses everything else: ask for it first. */
function PasswordChangeFirst() {
  const { signedIn } = useAuth();
  return (
    <>
      <Result status="warning" title="请先修改初始密码" subTitle="修改密码后即可正常使用平台。" />
      <ChangePasswordModal open forced onClose={() => void fetchMe().then(signedIn)} />
    </>
  );
}

/** Header with product name and user menu; side navigation that becomes a drawer on phones. */
export function AppLayout() {
  const me = useMe();
  const mobile = useIsMobile();
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        {mobile && (
          <Button type="text" icon={<MenuOutlined />} aria-label="打开菜单" data-testid="nav-toggle" onClick={() => setMenuOpen(true)} />
        )}
        <Link to="/" className="app-brand">
          <span className="app-brand-mark">营</span>
          <span className="app-brand-name">营商</span>
          {!mobile && <span className="app-brand-sub">优化营商环境工作平台</span>}
        </Link>
        <div className="app-header-spacer" />
        {!me.mustChangePassword && <InboxBell />}
        <UserMenu />
      </Layout.Header>
      <DemoBanner />
      <Layout>
        {!mobile && (
          <Layout.Sider width={184} theme="light" className="app-sider">
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          {me.mustChangePassword ? <PasswordChangeFirst /> : <Outlet />}
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer placement="left" open={menuOpen} onClose={() => setMenuOpen(false)} size={220} title="营商" styles={{ body: { padding: 0 } }}>
          <NavMenu onNavigate={() => setMenuOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
