import { Button, Segmented, Select } from 'antd';
import type { MyTaskPage } from '../api/polish-api.ts';
import type { QueryPatch } from '../hooks/use-query-patch.ts';
import { LIGHTS, LIGHT_LABELS } from '../lib/supervision-labels.ts';
import { SearchInput } from './search-input.tsx';

const DUE_OPTIONS = [
  { value: 'overdue', label: '已逾期' },
  { value: 'week', label: '7日内到期' },
  { value: 'month', label: '30日内到期' },
];
const ROLE_OPTIONS = [
  { value: '', label: '全部' },
  { value: 'lead', label: '牵头' },
  { value: 'responsible', label: '责任' },
];
const GROUP_OPTIONS = [
  { value: 'state', label: '按状态分组' },
  { value: 'plan', label: '按方案分组' },
  { value: 'none', label: '不分组' },
];

export const MY_TASK_FILTER_KEYS = ['q', 'plan', 'light', 'due', 'role', 'state'] as const;

/** The toolbar of 我的任务: search, plan, light, due window, role, grouping; wraps on a phone. */
export function MyTaskFilters({ params, patch, plans }: { params: URLSearchParams; patch: (p: QueryPatch) => void; plans: MyTaskPage['plans'] }) {
  const set = (key: string, value: string | undefined) => patch({ [key]: value || undefined, page: undefined });
  const any = MY_TASK_FILTER_KEYS.some((k) => params.get(k));
  return (
    <div className="my-task-filters" data-testid="my-task-filters">
      <SearchInput className="my-task-search" value={params.get('q') ?? undefined} placeholder="搜索序号、任务内容或方案" onCommit={(v) => set('q', v)} />
      {plans.length > 1 && (
        <Select
          className="my-task-filter"
          allowClear
          placeholder="全部方案"
          value={params.get('plan') ?? undefined}
          onChange={(v: string | undefined) => set('plan', v)}
          options={plans.map((p) => ({ value: String(p.id), label: `${p.title}（${p.count}）` }))}
          popupMatchSelectWidth={false}
          data-testid="my-task-plan"
        />
      )}
      <Select
        className="my-task-filter"
        allowClear
        placeholder="预警灯"
        value={params.get('light') ?? undefined}
        onChange={(v: string | undefined) => set('light', v)}
        options={LIGHTS.map((l) => ({ value: l, label: LIGHT_LABELS[l] }))}
        data-testid="my-task-light"
      />
      <Select
        className="my-task-filter"
        allowClear
        placeholder="时限"
        value={params.get('due') ?? undefined}
        onChange={(v: string | undefined) => set('due', v)}
        options={DUE_OPTIONS}
        data-testid="my-task-due"
      />
      <Segmented size="middle" value={params.get('role') ?? ''} onChange={(v) => set('role', String(v))} options={ROLE_OPTIONS} data-testid="my-task-role" />
      <Select
        className="my-task-filter"
        value={params.get('group') ?? 'state'}
        onChange={(v: string) => patch({ group: v === 'state' ? undefined : v, page: undefined })}
        options={GROUP_OPTIONS}
        data-testid="my-task-group"
      />
      {any && (
        <Button type="link" onClick={() => patch(Object.fromEntries([...MY_TASK_FILTER_KEYS, 'page'].map((k) => [k, undefined])))}>
          清除筛选
        </Button>
      )}
    </div>
  );
}
