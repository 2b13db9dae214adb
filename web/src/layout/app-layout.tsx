import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { useState } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { DemoBanner } from './demo-banner.tsx';
import { InboxBell } from './inbox-bell.tsx';
import { NavMenu } from './nav-menu.tsx';
import { UserMenu } from './user-menu.tsx';

/** Header with product name and user menu; side navigation that becomes a drawer on phones. */
export function AppLayout() {
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
        <InboxBell />
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
          <Outlet />
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
