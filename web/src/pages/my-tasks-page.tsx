import { Alert, Empty, Pagination, Skeleton, Tag } from 'antd';
import { useMemo } from 'react';
import { errorMessage } from '../api/client.ts';
import { searchMyTasks, type MyTaskPage, type MyTaskQuery, type MyTaskRow } from '../api/polish-api.ts';
import type { MyTask } from '../api/models.ts';
import { MyTaskCard } from '../components/my-task-card.tsx';
import { MyTaskFilters } from '../components/my-task-filters.tsx';
import { ReportDrawer } from '../components/report-drawer.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';
import { dateLabel } from '../lib/format.ts';
import { serverNow } from '../lib/server-clock.ts';
import './my-tasks.css';

type Group = keyof MyTaskPage['counts'];

const GROUPS: { key: Group; title: string; tone?: string }[] = [
  { key: 'todo', title: '待填报', tone: 'warn' },
  { key: 'draft', title: '草稿' },
  { key: 'returned', title: '被退回', tone: 'danger' },
  { key: 'submitted', title: '已提交' },
  { key: 'accepted', title: '已通过', tone: 'ok' },
];
const PAGE_SIZE = 50;

function stateOf(item: MyTaskRow): Group {
  const s = item.report?.state;
  return s === 'draft' || s === 'returned' || s === 'submitted' || s === 'accepted' ? s : 'todo';
}

function enumParam<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** The URL query as the API's query (unknown values are dropped, not sent). */
function queryOf(params: URLSearchParams): MyTaskQuery {
  return {
    q: params.get('q') ?? undefined,
    plan: Number(params.get('plan')) || undefined,
    light: enumParam(params.get('light'), ['red', 'yellow', 'green', 'done'] as const),
    state: enumParam(params.get('state'), ['todo', 'draft', 'returned', 'submitted', 'accepted'] as const),
    due: enumParam(params.get('due'), ['overdue', 'week', 'month'] as const),
    role: enumParam(params.get('role'), ['lead', 'responsible'] as const),
    group: enumParam(params.get('group'), ['state', 'plan', 'none'] as const) ?? 'state',
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
}

/** Sections of the page in the server's order: by state, by plan, or one list. */
function sectionsOf(items: MyTaskRow[], group: MyTaskQuery['group']): { key: string; title: string; tone?: string; items: MyTaskRow[] }[] {
  if (group === 'none') return [{ key: 'all', title: '', items }];
  if (group === 'plan') {
    const byPlan = new Map<number, { key: string; title: string; items: MyTaskRow[] }>();
    for (const item of items) {
      const entry = byPlan.get(item.planId) ?? { key: `plan-${item.planId}`, title: item.planTitle, items: [] };
      entry.items.push(item);
      byPlan.set(item.planId, entry);
    }
    return [...byPlan.values()];
  }
  return GROUPS.map((g) => ({ key: g.key, title: g.title, tone: g.tone, items: items.filter((i) => stateOf(i) === g.key) })).filter((s) => s.items.length > 0);
}

/** /my-tasks — 我的任务: the unit's tasks, most urgent first, searchable and filtered, paged. */
export function MyTasksPage() {
  const [params, patch] = useQueryPatch();
  const mobile = useIsMobile();
  const query = queryOf(params);
  const key = JSON.stringify(query);
  const { data, error, loading, reload } = useApi((signal) => searchMyTasks(query, signal), [key]);
  const items = useMemo(() => data?.items ?? [], [data]);
  const today = serverNow().format('YYYY-MM-DD');
  const openId = Number(params.get('report')) || undefined;
  const onPage = items.find((i) => i.taskId === openId);
  // A task opened by link but not on this page is fetched on its own.
  const single = useApi(openId && !onPage && data ? (signal) => searchMyTasks({ task: openId, group: 'none', page: 1, pageSize: 1 }, signal) : null, [openId, !!onPage, !!data]);
  const openItem = (onPage ?? single.data?.items[0]) as MyTask | undefined;
  const sections = sectionsOf(items, query.group);
  const filtered = ['q', 'plan', 'light', 'due', 'role', 'state'].some((k) => params.get(k));

  return (
    <div className="page">
      <h1 className="page-title">我的任务</h1>
      {data?.period && (
        <div className="muted page-lead" data-testid="my-period">
          本期报告期 <b className="period-strong">{data.period.label}</b>，请于 <b className="period-strong">{dateLabel(data.period.dueOn)}</b> 前报送
        </div>
      )}
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      <div className="my-task-counts" data-testid="my-task-counts">
        {GROUPS.map((g) => (
          <button
            type="button"
            key={g.key}
            className={`my-task-count ${g.tone ? `tone-${g.tone}` : ''} ${query.state === g.key ? 'active' : ''}`}
            onClick={() => patch({ state: query.state === g.key ? undefined : g.key, page: undefined })}
            aria-pressed={query.state === g.key}
          >
            <span className="my-task-count-n">{data?.counts[g.key] ?? 0}</span>
            <span className="my-task-count-label">{g.title}</span>
          </button>
        ))}
      </div>
      <MyTaskFilters params={params} patch={patch} plans={data?.plans ?? []} />
      {data && (
        <div className="my-task-summary muted" data-testid="my-task-summary">
          共 <b data-testid="my-task-total">{data.total}</b> 项
          {data.overdue > 0 && <Tag color="error" className="my-task-overdue-tag">已逾期 {data.overdue} 项</Tag>}
          <span className="my-task-sort-note">按紧急程度排序：逾期和待报在前，再按截止日期</span>
        </div>
      )}
      {loading && !data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : items.length === 0 ? (
        <Empty description={filtered ? '没有符合筛选条件的任务' : '本单位暂无需要报送的任务'} />
      ) : (
        sections.map((s) => (
          <section key={s.key} className="my-task-group" data-testid={`group-${s.key}`}>
            {s.title && (
              <h2 className={`my-task-group-title ${s.tone ? `tone-${s.tone}` : ''}`}>
                {s.title} <span className="muted">{s.key.startsWith('plan-') ? s.items.length : (data?.counts[s.key as Group] ?? s.items.length)}</span>
              </h2>
            )}
            <div className="task-cards">
              {s.items.map((item) => (
                <MyTaskCard
                  key={item.taskId}
                  item={item as MyTask}
                  today={today}
                  overdue={item.overdue}
                  showPeriod={!data?.period}
                  showPlan={query.group !== 'plan'}
                  onOpen={() => patch({ report: String(item.taskId) })}
                />
              ))}
            </div>
          </section>
        ))
      )}
      {data && data.total > data.pageSize && (
        <Pagination
          className="my-task-pages"
          current={data.page}
          pageSize={data.pageSize}
          total={data.total}
          simple={mobile}
          showSizeChanger={false}
          showTotal={mobile ? undefined : (total) => `共 ${total} 项`}
          onChange={(page) => {
            patch({ page: page === 1 ? undefined : String(page) });
            window.scrollTo({ top: 0 });
          }}
        />
      )}
      <ReportDrawer item={openItem} onClose={() => patch({ report: undefined })} onChanged={reload} />
    </div>
  );
}
