import { Alert, Card, Skeleton } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { fetchUnitAssessment } from '../api/assessment.ts';
import { errorMessage } from '../api/client.ts';
import { useMe } from '../auth/auth-context.ts';
import { AssessmentNav } from '../components/assessment/assessment-tabs-nav.tsx';
import { PeriodPicker } from '../components/assessment/period-picker.tsx';
import { exportUrl } from '../api/cockpit-api.ts';
import { ExportButton } from '../components/export-button.tsx';
import { AssessmentPlanPicker, usePlanParam } from '../components/assessment/plan-picker.tsx';
import { UnitScoreTable } from '../components/assessment/unit-score-table.tsx';
import { WeightsForm } from '../components/assessment/weights-form.tsx';
import '../components/assessment/assessment.css';
import { useApi } from '../hooks/use-api.ts';

/** /assessment/units — 单位考核（标准量化）of one plan (?plan=) and period (?period=). */
export function AssessmentUnitsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { plans, plansError, planId, setPlan } = usePlanParam();
  // Without a chosen period the server picks the last whole month within the plan (its clock, its plan start).
  const chosen = params.get('period') ?? undefined;
  const data = useApi(planId ? (signal) => fetchUnitAssessment(planId, chosen, signal) : null, [planId, chosen]);
  const period = chosen ?? data.data?.period.key;
  const setPeriod = (p: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('period', p);
      return next;
    });
  const error = plansError ?? data.error;
  const d = data.data;

  return (
    <div className="page">
      <div className="page-title-row">
        <h1 className="page-title">单位考核</h1>
        <AssessmentNav current="units" planId={planId} />
      </div>
      <div className="muted page-lead">标准量化：按时报送率、完成率、逾期任务、退回报告、延期申请加权计分，排出骏马单位与蜗牛单位。</div>
      <div className="assess-toolbar">
        <span className="muted">方案：</span>
        <AssessmentPlanPicker plans={plans} value={planId} onChange={setPlan} />
        {period && <PeriodPicker value={period} onChange={setPeriod} />}
        {planId && <ExportButton url={exportUrl('unit-assessment', planId, { period })} fileName="单位考核.xlsx" testId="unit-assessment-export" />}
      </div>
      {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
      {!d ? (
        data.loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null
      ) : (
        <>
          <div className="assess-badges" data-testid="unit-badges">
            <Card size="small" className="assess-badge-card" style={{ borderColor: '#b7eb8f', background: '#f6ffed' }} data-testid="unit-best">
              <div className="assess-badge-title">骏马单位（{d.best.length}）</div>
              <div>{d.best.map((b) => b.unit).join('、') || '—'}</div>
            </Card>
            <Card size="small" className="assess-badge-card" style={{ borderColor: '#ffa39e', background: '#fff1f0' }} data-testid="unit-worst">
              <div className="assess-badge-title">蜗牛单位（{d.worst.length}）</div>
              <div>{d.worst.map((w) => w.unit).join('、') || '—'}</div>
            </Card>
          </div>
          <Card size="small" title={`权重${me.permissions.manageAssessment ? '（优化办可调整，按总和归一）' : ''}`}>
            {planId && <WeightsForm planId={planId} weights={d.weights} editable={me.permissions.manageAssessment} onSaved={data.reload} />}
          </Card>
          <Card size="small" title={`${d.period.label} · ${d.units.length} 个单位`}>
            <UnitScoreTable data={d} />
          </Card>
        </>
      )}
    </div>
  );
}
