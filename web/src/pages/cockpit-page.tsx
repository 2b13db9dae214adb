import { Alert, Card, Skeleton } from 'antd';
import { errorMessage } from '../api/client.ts';
import { exportUrl, fetchCockpit, type Cockpit } from '../api/cockpit-api.ts';
import { fetchPlans } from '../api/plans.ts';
import { IndicatorChart, TrendChart } from '../components/cockpit/cockpit-charts.tsx';
import { LaggingTable, LeadUnitTable, PlaceTable, RiskTable } from '../components/cockpit/cockpit-tables.tsx';
import { DrillDrawer } from '../components/cockpit/drill-drawer.tsx';
import { FigureLink, type Drill } from '../components/cockpit/figure-link.tsx';
import { ExportButton } from '../components/export-button.tsx';
import { PlanPicker } from '../components/plan-picker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { useQueryPatch } from '../hooks/use-query-patch.ts';
import { dateLabel } from '../lib/format.ts';
import { periodLabel } from '../lib/supervision-labels.ts';
import '../components/cockpit/cockpit.css';

const MEASURE_NAMES: Record<NonNullable<Drill['measure']>, string> = {
  total: '全部任务', done: '已办结', open: '未办结', green: '绿灯', yellow: '黄灯', red: '红灯', overdue: '逾期未办结', lateReport: '本期迟报',
};

/** Where a drilled list comes from, in words: 指标“…”·红灯. */
function drillTitle(c: Cockpit, d: Drill): string {
  const key = d.key ?? '';
  const id = Number(key);
  const scope = d.dim === 'indicator' ? `指标“${c.byIndicator.find((i) => i.indicatorId === id)?.name ?? ''}”`
    : d.dim === 'leadUnit' ? `牵头单位“${c.byLeadUnit.find((u) => u.unitId === id)?.name ?? ''}”`
    : d.dim === 'unit' ? `单位“${c.lagging.find((u) => u.unitId === id)?.name ?? ''}”`
    : d.dim === 'place' ? `“${c.byPlace.find((p) => p.regionId === id)?.name ?? ''}”`
    : d.dim === 'period' ? periodLabel(key) : '全部';
  return `${scope}·${MEASURE_NAMES[d.measure ?? 'total']}`;
}

const TOTALS: { measure: NonNullable<Drill['measure']>; label: string; tone?: string }[] = [
  { measure: 'total', label: '任务总数' }, { measure: 'done', label: '已办结' }, { measure: 'red', label: '红灯', tone: 'red' },
  { measure: 'yellow', label: '黄灯', tone: 'yellow' }, { measure: 'overdue', label: '逾期未办结', tone: 'red' }, { measure: 'lateReport', label: '本期迟报', tone: 'yellow' },
];

/** /cockpit — 领导驾驶舱: where the plan's work stands and who is lagging; every figure opens its list. */
export function CockpitPage() {
  const [params, update] = useQueryPatch();
  const mobile = useIsMobile();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const planItems = plans.data?.items ?? [];
  const planId = Number(params.get('plan')) || planItems[0]?.id;
  const cockpit = useApi(planId ? (signal) => fetchCockpit(planId, signal) : null, [planId]);
  const c = cockpit.data;
  const dim = params.get('dim');
  const drill: Drill | null = dim ? { dim: dim as Drill['dim'], key: params.get('key') ?? undefined, measure: (params.get('measure') ?? 'total') as Drill['measure'] } : null;
  const onDrill = (d: Drill) => update({ dim: d.dim, key: d.key, measure: d.measure });
  const plan = planItems.find((p) => p.id === planId);
  const error = plans.error ?? cockpit.error;
  return (
    <div className="page cockpit">
      <h1 className="page-title">领导驾驶舱</h1>
      <div className="dashboard-plan cockpit-head">
        <span className="muted">方案：</span>
        <PlanPicker className="dashboard-plan-select" testId="cockpit-plan" plans={planItems} value={planId} onChange={(id) => update({ plan: String(id), dim: undefined, key: undefined, measure: undefined })} />
        {c && <span className="muted">当期：{periodLabel(c.period)}，截至{dateLabel(c.day)}</span>}
        {planId && plan && <ExportButton url={exportUrl('cockpit', planId)} fileName={`${plan.title}-领导驾驶舱.xlsx`} testId="cockpit-export" />}
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!c ? (
        cockpit.loading || plans.loading ? <Skeleton active paragraph={{ rows: 10 }} /> : null
      ) : (
        <>
          <div className="cockpit-totals" data-testid="cockpit-totals">
            {TOTALS.map((t) => (
              <div key={t.measure} className={`cockpit-total ${t.tone ? `cockpit-total-${t.tone}` : ''}`}>
                <div className="cockpit-total-label">{t.label}</div>
                <FigureLink value={c.totals[t.measure]} drill={{ dim: 'all', measure: t.measure }} onDrill={onDrill} className="cockpit-total-n" />
                {t.measure === 'done' && <div className="muted">完成率 {c.totals.completionRate}%</div>}
              </div>
            ))}
          </div>
          <div className="dashboard-charts">
            <Card size="small" title="各指标完成与预警（点击查看任务）" className="dashboard-chart">
              <IndicatorChart cockpit={c} onDrill={onDrill} />
            </Card>
            <div className="cockpit-col">
              <Card size="small" title="各报告期趋势" className="dashboard-chart">
                <TrendChart cockpit={c} onDrill={onDrill} />
              </Card>
              <Card size="small" title={`年度目标风险${c.round ? `（${c.round.title}）` : ''}`} className="dashboard-chart">
                <RiskTable cockpit={c} onDrill={onDrill} />
              </Card>
            </div>
          </div>
          <div className="dashboard-charts">
            <Card size="small" title="落后单位（前 10）" className="dashboard-chart">
              <LaggingTable cockpit={c} onDrill={onDrill} compact={mobile} />
            </Card>
            <Card size="small" title="按县市区、园区" className="dashboard-chart">
              <PlaceTable cockpit={c} onDrill={onDrill} compact={mobile} />
            </Card>
          </div>
          <Card size="small" title="按牵头单位" className="dashboard-chart">
            <LeadUnitTable cockpit={c} onDrill={onDrill} compact={mobile} />
          </Card>
          {planId && <DrillDrawer planId={planId} drill={drill} title={drill ? drillTitle(c, drill) : ''} onClose={() => update({ dim: undefined, key: undefined, measure: undefined })} />}
        </>
      )}
    </div>
  );
}
