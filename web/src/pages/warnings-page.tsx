import { CloseOutlined } from '@ant-design/icons';
import { Alert, Card, Skeleton, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { fetchPlans } from '../api/plans.ts';
import { fetchPlanLights } from '../api/supervision.ts';
import type { Light } from '../api/models.ts';
import { LightDot } from '../components/light-dot.tsx';
import { LightMatrix } from '../components/light-matrix.tsx';
import type { LightTaskRow } from '../components/light-task-list.tsx';
import { LightTaskList } from '../components/light-task-list.tsx';
import { LightTrend } from '../components/light-trend.tsx';
import { TaskDrawer } from '../components/task-drawer.tsx';
import { useApi } from '../hooks/use-api.ts';
import { allTasks } from '../hooks/use-plan-columns.ts';
import { LIGHTS, LIGHT_LABELS, periodLabel } from '../lib/supervision-labels.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';
import { PlanPicker } from '../components/plan-picker.tsx';
import { useMe } from '../auth/auth-context.ts';
import { BatchBar } from '../components/workbench/batch-bar.tsx';
import { exportUrl } from '../api/cockpit-api.ts';
import { ExportMenu } from '../components/export-button.tsx';

function isLight(value: string | null): value is Light {
  return value !== null && (LIGHTS as string[]).includes(value);
}

/** /warnings — 预警: the lights of one plan's tasks by indicator, by unit and over time. */
export function WarningsPage() {
  const [params, update] = useQueryPatch();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const planItems = plans.data?.items ?? [];
  const planId = Number(params.get('plan')) || planItems[0]?.id;
  const lights = useApi(planId ? (signal) => fetchPlanLights(planId, signal) : null, [planId]);
  const tasks = useApi(planId ? async (signal) => ({ planId, items: await allTasks(planId, signal) }) : null, [planId]);
  const light: Light = isLight(params.get('light')) ? (params.get('light') as Light) : 'red';
  const indicatorId = Number(params.get('indicator')) || undefined;
  const unitId = Number(params.get('unit')) || undefined;
  const view = params.get('view') === 'unit' ? 'unit' : 'indicator';
  const openTaskId = Number(params.get('task')) || undefined;
  const office = useMe().permissions.reviewReports;
  const [selected, setSelected] = useState<{ rows: unknown; keys: number[] }>({ rows: null, keys: [] });


  const data = lights.data;
  const taskById = useMemo(
    () => new Map((tasks.data && tasks.data.planId === planId ? tasks.data.items : []).map((t) => [t.id, t])),
    [tasks.data, planId],
  );
  const counts = useMemo(() => {
    const c: Record<Light, number> = { red: 0, yellow: 0, green: 0, done: 0 };
    for (const t of data?.tasks ?? []) c[t.light]++;
    return c;
  }, [data]);
  const rows = useMemo<LightTaskRow[]>(() => {
    return (data?.tasks ?? [])
      .filter((t) => t.light === light)
      .filter((t) => indicatorId === undefined || t.indicatorId === indicatorId)
      .map((t) => ({ ...t, task: taskById.get(t.taskId) }))
      .filter((r) => unitId === undefined || (r.task ? [...r.task.leadUnits, ...r.task.responsibleUnits].some((u) => u.id === unitId) : false));
  }, [data, light, indicatorId, unitId, taskById]);
  const indicatorName = data?.byIndicator.find((i) => i.indicatorId === indicatorId)?.name;
  const unitName = data?.byUnit.find((u) => u.unitId === unitId)?.name;
  const error = plans.error ?? lights.error ?? tasks.error;

  return (
    <div className="page">
      <h1 className="page-title">预警</h1>
      <div className="dashboard-plan">
        <span className="muted">方案：</span>
        <PlanPicker
          className="dashboard-plan-select"
          testId="warnings-plan"
          plans={planItems}
          value={planId}
          // Another plan starts from its own red list, without this plan's filters.
          onChange={(id) => update({ plan: String(id), light: undefined, indicator: undefined, unit: undefined, view: undefined, task: undefined })}
        />
        {data && <span className="muted warnings-period">当期：{periodLabel(data.period)}</span>}
        {planId && data && (
          <ExportMenu
            testId="warnings-export"
            items={[
              { key: 'lights', label: `预警清单（${LIGHT_LABELS[light]}${indicatorName ? `，${indicatorName}` : unitName ? `，${unitName}` : ''}）`, url: exportUrl('lights', planId, { light, indicator: indicatorId, unit: unitId }), fileName: '预警清单.xlsx' },
              { key: 'progress', label: `本期工作进展（${periodLabel(data.period)}）`, url: exportUrl('progress', planId, { period: data.period }), fileName: '工作进展.xlsx' },
              { key: 'urges', label: '催办督办及回复', url: exportUrl('urges', planId), fileName: '催办督办及回复.xlsx' },
              { key: 'extensions', label: '延期申请', url: exportUrl('extensions', planId), fileName: '延期申请.xlsx' },
            ]}
          />
        )}
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!data ? (
        lights.loading || plans.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null
      ) : (
        <>
          <div className="light-counts" data-testid="light-counts">
            {LIGHTS.map((l) => (
              <button
                type="button"
                key={l}
                className={`light-count light-count-${l} ${light === l ? 'active' : ''}`}
                onClick={() => update({ light: l, indicator: undefined, unit: undefined })}
                data-testid={`light-count-${l}`}
              >
                <LightDot light={l} />
                <span className="light-count-n">{counts[l]}</span>
              </button>
            ))}
          </div>
          <div className="dashboard-charts">
            <Card size="small" className="dashboard-chart">
              <Tabs
                size="small"
                activeKey={view}
                onChange={(key) => update({ view: key === 'unit' ? 'unit' : undefined })}
                items={[
                  {
                    key: 'indicator',
                    label: '按指标',
                    children: (
                      <LightMatrix
                        testId="matrix-indicator"
                        nameTitle="指标"
                        rows={data.byIndicator.map((i) => ({ ...i, id: i.indicatorId }))}
                        selected={indicatorId ? { id: indicatorId, light } : undefined}
                        onPick={(id, l) => update({ indicator: String(id), unit: undefined, light: l })}
                      />
                    ),
                  },
                  {
                    key: 'unit',
                    label: '按单位',
                    children: (
                      <LightMatrix
                        testId="matrix-unit"
                        nameTitle="单位"
                        pageSize={12}
                        rows={data.byUnit.map((u) => ({ ...u, id: u.unitId }))}
                        selected={unitId ? { id: unitId, light } : undefined}
                        onPick={(id, l) => update({ unit: String(id), indicator: undefined, light: l })}
                      />
                    ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title="各报告期预警趋势" className="dashboard-chart">
              <LightTrend lights={data} />
            </Card>
          </div>
          <Card
            size="small"
            className="light-list-card"
            title={
              <span className="light-list-title">
                <LightDot light={light} label={false} /> {LIGHT_LABELS[light]}任务
                <span className="muted"> {rows.length} 项</span>
              </span>
            }
          >
            <div className="light-list-filters">
              <Tabs
                size="small"
                activeKey={light}
                onChange={(key) => update({ light: key })}
                items={LIGHTS.map((l) => ({ key: l, label: `${LIGHT_LABELS[l]} ${counts[l]}` }))}
              />
              {(indicatorName || unitName) && (
                <Tag
                  closable
                  closeIcon={<CloseOutlined />}
                  onClose={() => update({ indicator: undefined, unit: undefined })}
                  className="light-filter-tag"
                  data-testid="light-filter"
                >
                  {indicatorName ? `指标：${indicatorName}` : `单位：${unitName}`}
                </Tag>
              )}
            </div>
            {office && planId && light !== 'done' && rows.length > 0 && (
              <BatchBar planId={planId} rowTaskIds={rows.map((r) => r.taskId)} selected={selected.rows === rows ? selected.keys : []} onDone={() => setSelected({ rows, keys: [] })} />
            )}
            {tasks.loading && taskById.size === 0 ? (
              <Skeleton active />
            ) : (
              <LightTaskList
                rows={rows}
                onOpen={(id) => update({ task: String(id) })}
                selection={office && light !== 'done' ? { keys: selected.rows === rows ? selected.keys : [], onChange: (keys) => setSelected({ rows, keys }) } : undefined}
              />
            )}
          </Card>
        </>
      )}
      <TaskDrawer taskId={openTaskId} onClose={() => update({ task: undefined })} />
    </div>
  );
}
