import {
  AlertOutlined,
  ApartmentOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  HistoryOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { CloudUploadOutlined } from '@ant-design/icons';
import { AuditOutlined, FileProtectOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { Badge, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../auth/auth-context.ts';
import { useEffect } from 'react';
import { refreshIfStale, useWorkbench } from '../components/workbench/workbench-store.ts';
import '../components/workbench/workbench.css';

/** A menu label with the count of its 待办 (from the one workbench endpoint). */
function counted(label: string, count: number | undefined, testId: string) {
  return (
    <span className="nav-counted">
      {label}
      {count ? <Badge count={count} size="small" overflowCount={99} className="nav-badge" data-testid={testId} /> : null}
    </span>
  );
}

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/admin/')) return pathname;
  const first = pathname.split('/')[1] ?? '';
  return first ? `/${first}` : '/';
}

/**
 * The side navigation. Units start at 我的任务 (their 工作台 moves to /dashboard); 审核 and 审计日志
 * are the office's, 预警 the office's and leaders'; 用户 only for users who may manage users.
 */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const may = me.permissions;
  const admin = may.administer;
  const badges = useWorkbench(me.id, !admin && !me.mustChangePassword).data?.badges;
  useEffect(() => refreshIfStale(20_000), [location.pathname]);
  // The administrator runs the platform, not the plans: its menu is 系统管理 plus read-only browsing.
  const adminItems: MenuProps['items'] = [
    { key: '/', icon: <DashboardOutlined />, label: '工作台' },
    { key: '/plans', icon: <FileTextOutlined />, label: '方案' },
    { key: '/tasks', icon: <UnorderedListOutlined />, label: '任务' },
    {
      key: 'system',
      icon: <SettingOutlined />,
      label: '系统管理',
      children: [
        { key: '/users', icon: <TeamOutlined />, label: '用户' },
        { key: '/admin/directory', icon: <ApartmentOutlined />, label: '区域与单位' },
      ],
    },
  ];
  const items: MenuProps['items'] = [
    ...(may.fileReports
      ? [
          { key: '/my-tasks', icon: <FormOutlined />, label: counted('我的任务', badges?.myTasks, 'nav-badge-my-tasks') },
          { key: '/my-cases', icon: <AlertOutlined />, label: '待办问题' },
          { key: '/dashboard', icon: <DashboardOutlined />, label: counted('工作台', badges?.workbench, 'nav-badge-workbench') },
        ]
      : [{ key: '/', icon: <DashboardOutlined />, label: counted('工作台', badges?.workbench, 'nav-badge-workbench') }]),
    { key: '/instructions', icon: <AuditOutlined />, label: '领导批示' },
    ...(may.readLights ? [{ key: '/cockpit', icon: <FundProjectionScreenOutlined />, label: '领导驾驶舱' }] : []),
    ...(may.reviewReports ? [{ key: '/review', icon: <CheckSquareOutlined />, label: counted('审核', badges?.review, 'nav-badge-review') }] : []),
    ...(may.readLights ? [{ key: '/warnings', icon: <WarningOutlined />, label: '预警' }] : []),
    ...(may.readLights ? [{ key: '/cases', icon: <AlertOutlined />, label: '问题' }] : []),
    ...(may.readAssessment ? [{ key: '/assessment', icon: <TrophyOutlined />, label: '评价' }] : []),
    { key: '/plans', icon: <FileTextOutlined />, label: '方案' },
    ...(may.readDocuments ? [{ key: '/documents', icon: <FileProtectOutlined />, label: '公文' }] : []),
    ...(may.managePlans ? [{ key: '/imports', icon: <CloudUploadOutlined />, label: '导入方案' }] : []),
    { key: '/tasks', icon: <UnorderedListOutlined />, label: '任务' },
    { key: '/units', icon: <ApartmentOutlined />, label: '单位' },
    ...(may.manageUsers ? [{ key: '/users', icon: <TeamOutlined />, label: '用户' }] : []),
    ...(may.readAuditLog ? [{ key: '/audit', icon: <HistoryOutlined />, label: '审计日志' }] : []),
  ];
  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname)]}
      items={admin ? adminItems : items}
      defaultOpenKeys={admin ? ['system'] : undefined}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
