import { Alert, Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { fetchMyTasks } from '../api/reports.ts';
import type { MyTask } from '../api/models.ts';
import { MyTaskCard } from '../components/my-task-card.tsx';
import { ReportDrawer } from '../components/report-drawer.tsx';
import { useApi } from '../hooks/use-api.ts';
import { dateLabel } from '../lib/format.ts';
import { serverNow } from '../lib/server-clock.ts';

type Group = 'todo' | 'draft' | 'submitted' | 'returned' | 'accepted';

const GROUPS: { key: Group; title: string; tone?: string }[] = [
  { key: 'todo', title: '待填报', tone: 'warn' },
  { key: 'draft', title: '草稿' },
  { key: 'returned', title: '被退回', tone: 'danger' },
  { key: 'submitted', title: '已提交' },
  { key: 'accepted', title: '已通过', tone: 'ok' },
];

function groupOf(item: MyTask): Group {
  return item.report ? item.report.state : 'todo';
}

/** /my-tasks — 我的任务: the unit's tasks with the report owed this period, grouped by its state. */
export function MyTasksPage() {
  const [params, setParams] = useSearchParams();
  const { data, error, loading, reload } = useApi((signal) => fetchMyTasks(signal), []);
  const items = useMemo(() => data?.items ?? [], [data]);
  const today = serverNow().format('YYYY-MM-DD');
  const filter = params.get('state') as Group | null;
  const openId = Number(params.get('report')) || undefined;
  const openItem = items.find((i) => i.taskId === openId);

  const groups = useMemo(() => {
    const map = new Map<Group, MyTask[]>(GROUPS.map((g) => [g.key, []]));
    for (const item of items) map.get(groupOf(item))?.push(item);
    return map;
  }, [items]);
  const periods = [...new Map(items.map((i) => [i.period.key, i.period])).values()];
  const onePeriod = periods.length === 1 ? periods[0] : undefined;

  const setParam = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value === undefined) next.delete(key);
      else next.set(key, value);
      return next;
    });

  return (
    <div className="page">
      <h1 className="page-title">我的任务</h1>
      {onePeriod && (
        <div className="muted page-lead" data-testid="my-period">
          本期报告期 <b className="period-strong">{onePeriod.label}</b>，请于 <b className="period-strong">{dateLabel(onePeriod.dueOn)}</b> 前报送
        </div>
      )}
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      <div className="my-task-counts" data-testid="my-task-counts">
        {GROUPS.map((g) => (
          <button
            type="button"
            key={g.key}
            className={`my-task-count ${g.tone ? `tone-${g.tone}` : ''} ${filter === g.key ? 'active' : ''}`}
            onClick={() => setParam('state', filter === g.key ? undefined : g.key)}
            aria-pressed={filter === g.key}
          >
            <span className="my-task-count-n">{groups.get(g.key)?.length ?? 0}</span>
            <span className="my-task-count-label">{g.title}</span>
          </button>
        ))}
      </div>
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : items.length === 0 ? (
        <Empty description="本单位暂无需要报送的任务" />
      ) : (
        GROUPS.filter((g) => !filter || g.key === filter).map((g) => {
          const list = groups.get(g.key) ?? [];
          if (list.length === 0) return filter ? <Empty key={g.key} description={`没有${g.title}的任务`} /> : null;
          return (
            <section key={g.key} className="my-task-group" data-testid={`group-${g.key}`}>
              <h2 className="my-task-group-title">
                {g.title} <span className="muted">{list.length}</span>
              </h2>
              <div className="task-cards">
                {list.map((item) => (
                  <MyTaskCard
                    key={item.taskId}
                    item={item}
                    today={today}
                    showPeriod={!onePeriod}
                    onOpen={() => setParam('report', String(item.taskId))}
                  />
                ))}
              </div>
            </section>
          );
        })
      )}
      <ReportDrawer item={openItem} onClose={() => setParam('report', undefined)} onChanged={reload} />
    </div>
  );
}
