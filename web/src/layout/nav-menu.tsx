import { ApartmentOutlined, DashboardOutlined, FileTextOutlined, TeamOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../auth/auth-context.ts';

function selectedKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}

/** The side navigation; 用户 appears only for users who may manage users. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const items: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined />, label: '工作台' },
    { key: '/plans', icon: <FileTextOutlined />, label: '方案' },
    { key: '/tasks', icon: <UnorderedListOutlined />, label: '任务' },
    { key: '/units', icon: <ApartmentOutlined />, label: '单位' },
    ...(me.permissions.manageUsers ? [{ key: '/users', icon: <TeamOutlined />, label: '用户' }] : []),
  ];
  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
