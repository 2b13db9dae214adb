import { Card, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import type { Stats } from '../api/models.ts';

interface Item {
  key: string;
  title: string;
  value: number;
  to: string;
  tone?: 'warn' | 'danger';
}

/** The counts of the 工作台; each card links to the matching list. */
export function StatCards({ stats, thisMonth, lastMonth }: { stats: Stats | undefined; thisMonth: string; lastMonth: string }) {
  const items: Item[] = [
    { key: 'plans', title: '方案', value: stats?.planCount ?? 0, to: '/plans' },
    { key: 'tasks', title: '任务', value: stats?.taskCount ?? 0, to: '/tasks' },
    { key: 'due', title: '本月到期', value: stats?.dueThisMonth ?? 0, to: `/tasks?deadlineFrom=${thisMonth}&deadlineTo=${thisMonth}`, tone: 'warn' },
    { key: 'overdue', title: '逾期未办结', value: stats?.overdue ?? 0, to: `/tasks?deadlineTo=${lastMonth}`, tone: 'danger' },
    { key: 'near', title: '临期', value: stats?.nearDue ?? 0, to: '/alerts', tone: 'warn' },
    { key: 'units', title: '单位', value: stats?.unitCount ?? 0, to: '/units' },
  ];
  return (
    <div className="stat-cards" data-testid="stat-cards">
      {items.map((item) => (
        <Link key={item.key} to={item.to} className="stat-card-link">
          <Card size="small" className={`stat-card ${item.tone ? `stat-${item.tone}` : ''}`} loading={!stats}>
            <Statistic title={item.title} value={item.value} />
          </Card>
        </Link>
      ))}
    </div>
  );
}
