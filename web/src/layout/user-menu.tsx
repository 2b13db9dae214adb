import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Space } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useAuth, useMe } from '../auth/auth-context.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { ChangePasswordModal } from './change-password-modal.tsx';

/** Name, role and region of the signed-in user, with 修改密码 and 退出登录. */
export function UserMenu() {
  const me = useMe();
  const { signOut } = useAuth();
  const mobile = useIsMobile();
  const [changing, setChanging] = useState(false);
  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="user-menu-who">
          <div>{me.displayName}</div>
          <div className="muted">
            {me.roleName} · {me.region.name}
            {me.unit ? ` · ${me.unit.name}` : ''}
          </div>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChanging(true);
    if (key === 'logout') void signOut();
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button type="button" className="user-menu-trigger" aria-label="用户菜单" data-testid="user-menu">
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} />
            <span className="user-menu-name">{me.displayName}</span>
            {!mobile && (
              <span className="user-menu-role">
                {me.roleName} · {me.region.name}
              </span>
            )}
            <DownOutlined className="muted" />
          </Space>
        </button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
