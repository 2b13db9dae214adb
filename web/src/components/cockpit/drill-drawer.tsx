import { Alert, Drawer, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import { fetchCockpitTasks, type CockpitTask } from '../../api/cockpit-api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useIsMobile } from '../../hooks/use-is-mobile.ts';
import { dateLabel } from '../../lib/format.ts';
import { LightDot } from '../light-dot.tsx';
import type { Drill } from './figure-link.tsx';

/** The tasks a cockpit figure counts; its length is the figure. */
export function DrillDrawer({ planId, drill, title, onClose }: { planId: number; drill: Drill | null; title: string; onClose: () => void }) {
  const mobile = useIsMobile();
  const list = useApi(drill ? (signal) => fetchCockpitTasks(planId, drill, signal) : null, [planId, drill?.dim, drill?.key, drill?.measure]);
  const columns: ColumnsType<CockpitTask> = [
    { key: 'seq', title: '序号', dataIndex: 'seq', width: 60 },
    { key: 'text', title: '任务', render: (_: unknown, t) => <Link to={`/tasks/${t.taskId}`}>{t.text}</Link> },
    ...(mobile ? [] : [
      { key: 'lead', title: '牵头单位', width: 160, render: (_: unknown, t: CockpitTask) => t.leadUnits.map((u) => u.name).join('、') },
      { key: 'due', title: '时限', width: 110, render: (_: unknown, t: CockpitTask) => (t.ongoing ? '持续推进' : t.dueOn ? dateLabel(t.dueOn) : '') },
    ]),
    { key: 'light', title: '状态', width: 84, render: (_: unknown, t) => <LightDot light={t.light} /> },
  ];
  const items = list.data ?? [];
  return (
    <Drawer open={drill !== null} onClose={onClose} size={mobile ? '100%' : 760} title={<span data-testid="drill-title">{title}<span className="muted">（{list.loading ? '…' : items.length} 项）</span></span>}>
      {list.error ? <Alert type="error" showIcon title={errorMessage(list.error)} /> : null}
      <Table<CockpitTask> size="small" rowKey="taskId" loading={list.loading} columns={columns} dataSource={items} pagination={{ pageSize: 20, size: 'small' }} data-testid="drill-list" />
    </Drawer>
  );
}
