import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Indicator, PlanSummary, Unit } from '../api/models.ts';
import type { TaskQuery } from '../api/tasks.ts';
import type { TaskFilterPatch } from '../lib/task-query.ts';
import { hasFilters } from '../lib/task-query.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { IndicatorSelect } from './indicator-select.tsx';
import { SearchInput } from './search-input.tsx';

interface Props {
  query: TaskQuery;
  units: Unit[];
  /** Given on the all-tasks page: adds the plan filter. */
  plans?: PlanSummary[];
  /** Given where there is no side tree (phones, all-tasks page with a plan chosen). */
  indicators?: Indicator[];
  indicatorPlaceholder?: string;
  setFilters: (patch: TaskFilterPatch, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

const ROLE_OPTIONS = [
  { value: 'lead', label: '牵头' },
  { value: 'responsible', label: '责任' },
];

function unitMatches(input: string, unit: Unit | undefined): boolean {
  if (!unit) return false;
  const needle = input.trim();
  return unit.name.includes(needle) || unit.aliases.some((a) => a.includes(needle));
}

/** Filters above the task table; every change goes to the URL through `setFilters`. */
export function TaskFilters({ query, units, plans, indicators, indicatorPlaceholder = '一级指标', setFilters, onClear }: Props) {
  const mobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const unitById = new Map(units.map((u) => [u.id, u]));
  // On phones only the search box is always shown; the rest folds behind 筛选 with a count.
  const active = [plans ? query.plan : undefined, query.indicator, query.unit, query.role, query.deadlineFrom ?? query.deadlineTo].filter(
    (v) => v !== undefined,
  ).length;
  const showAll = !mobile || expanded;
  const range: [Dayjs | null, Dayjs | null] = [
    query.deadlineFrom ? dayjs(`${query.deadlineFrom}-01`) : null,
    query.deadlineTo ? dayjs(`${query.deadlineTo}-01`) : null,
  ];
  return (
    <div className="task-filters" data-testid="task-filters">
      <SearchInput
        className="filter-search"
        value={query.q}
        placeholder="搜索举措、单位、文号"
        onCommit={(q) => setFilters({ q }, { replace: true })}
      />
      {mobile && (
        <Button className="filter-toggle" icon={<FilterOutlined />} onClick={() => setExpanded((v) => !v)} type={expanded ? 'primary' : 'default'}>
          筛选 <Badge count={active} size="small" />
        </Button>
      )}
      {showAll && plans && (
        <Select
          className="filter-plan"
          data-testid="filter-plan"
          allowClear
          placeholder="全部方案"
          value={query.plan}
          options={plans.map((p) => ({ value: p.id, label: p.title }))}
          onChange={(plan?: number) => setFilters({ plan, indicator: undefined, subIndicator: undefined })}
          popupMatchSelectWidth={false}
        />
      )}
      {showAll && indicators && indicators.length > 0 && (
        <IndicatorSelect
          indicators={indicators}
          indicator={query.indicator}
          subIndicator={query.subIndicator}
          placeholder={indicatorPlaceholder}
          onSelect={({ indicator, subIndicator }) => setFilters({ indicator, subIndicator })}
        />
      )}
      {showAll && (
        <>
      <Select
        className="filter-unit"
        data-testid="filter-unit"
        allowClear
        placeholder="单位"
        value={query.unit}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        showSearch={{ filterOption: (input, option) => unitMatches(input, option ? unitById.get(option.value) : undefined) }}
        onChange={(unit?: number) => setFilters({ unit })}
        popupMatchSelectWidth={false}
      />
      <Select
        className="filter-role"
        data-testid="filter-role"
        allowClear
        placeholder="牵头/责任"
        value={query.role}
        options={ROLE_OPTIONS}
        onChange={(role?: 'lead' | 'responsible') => setFilters({ role })}
      />
      <DatePicker.RangePicker
        className="filter-deadline"
        picker="month"
        allowEmpty={[true, true]}
        placeholder={['完成时限起', '止']}
        value={range}
        onChange={(values) =>
          setFilters({ deadlineFrom: values?.[0]?.format('YYYY-MM'), deadlineTo: values?.[1]?.format('YYYY-MM') })
        }
      />
        </>
      )}
      {hasFilters({ ...query, plan: plans ? query.plan : undefined }) && (
        <Button type="link" onClick={onClear}>
          重置
        </Button>
      )}
    </div>
  );
}
